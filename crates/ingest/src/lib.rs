//! Reading what users have — files, directories, stdin, JSONL dumps, WARC archives — into `RawDocument`s.
