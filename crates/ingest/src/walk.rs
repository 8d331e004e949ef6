//! The inputs a user named, expanded: files as given, directories walked recursively in
//! sorted order (byte order of names, so runs are reproducible), `-` for stdin.
//!
//! In a walk, names starting with `.` are skipped, symbolic links to files are followed and
//! links to directories are not (no cycles), and files whose extension names no supported
//! format are counted as skipped. A file named explicitly is always read, its format sniffed
//! when the extension says nothing.

use crate::error::IngestError;
use crate::format::Format;
use std::collections::VecDeque;
use std::fs;
use std::path::PathBuf;

/// One step of the walk.
#[derive(Debug)]
pub(crate) enum Found {
    /// A file to read; `format` is what its name says, if anything.
    File {
        path: PathBuf,
        input: String,
        format: Option<Format>,
    },
    Stdin,
    /// A file in a walked directory with an unsupported extension.
    Unsupported,
    Error(IngestError),
}

#[derive(Debug)]
pub(crate) struct Walker {
    inputs: VecDeque<String>,
    /// Directory entries still to visit, each level sorted in reverse so `pop` gives the next.
    stack: Vec<Vec<PathBuf>>,
}

impl Walker {
    pub(crate) fn new(inputs: impl IntoIterator<Item = String>) -> Self {
        Walker { inputs: inputs.into_iter().collect(), stack: Vec::new() }
    }

    fn enter(&mut self, dir: PathBuf) -> Option<Found> {
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(source) => {
                return Some(Found::Error(IngestError::Open {
                    input: dir.display().to_string(),
                    source,
                }))
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) if e.file_name().as_encoded_bytes().starts_with(b".") => {}
                Ok(e) => paths.push(e.path()),
                Err(source) => {
                    return Some(Found::Error(IngestError::Open {
                        input: dir.display().to_string(),
                        source,
                    }))
                }
            }
        }
        paths.sort_by(|a, b| b.as_os_str().cmp(a.as_os_str()));
        self.stack.push(paths);
        None
    }
}

impl Iterator for Walker {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            while let Some(frame) = self.stack.last_mut() {
                let Some(path) = frame.pop() else {
                    self.stack.pop();
                    continue;
                };
                let meta = match fs::symlink_metadata(&path) {
                    Ok(m) => m,
                    Err(source) => {
                        let input = path.display().to_string();
                        return Some(Found::Error(IngestError::Open { input, source }));
                    }
                };
                let is_file = if meta.file_type().is_symlink() {
                    fs::metadata(&path).map(|m| m.is_file()).unwrap_or(false)
                } else if meta.is_dir() {
                    if let Some(err) = self.enter(path) {
                        return Some(err);
                    }
                    continue;
                } else {
                    meta.is_file()
                };
                if !is_file {
                    continue;
                }
                return Some(match Format::from_path(&path) {
                    Some(format) => Found::File {
                        input: path.display().to_string(),
                        path,
                        format: Some(format),
                    },
                    None => Found::Unsupported,
                });
            }
            let input = self.inputs.pop_front()?;
            if input == "-" {
                return Some(Found::Stdin);
            }
            let path = PathBuf::from(&input);
            match fs::metadata(&path) {
                Err(source) => return Some(Found::Error(IngestError::Open { input, source })),
                Ok(m) if m.is_dir() => {
                    if let Some(err) = self.enter(path) {
                        return Some(err);
                    }
                }
                Ok(_) => {
                    let format = Format::from_path(&path);
                    return Some(Found::File { path, input, format });
                }
            }
        }
    }
}
