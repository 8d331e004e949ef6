//! Readers for the field's validation inputs: Penn Treebank parses (converted to
//! dependencies by our head rules), CoNLL-U rows, PETRARCH XML record files and TABARI's
//! `Validate.text`. Each returns what it could read plus located diagnostics.

pub mod align;
pub mod conllu;
pub mod records;
pub mod tabari;
pub mod treebank;
