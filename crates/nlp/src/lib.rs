//! Tokenizer, sentence splitter, tagger, lemmatizer and dependency parser: text → `AnalyzedSentence`s.
