//! Reading documents from files, folders and standard input, with limits.
//!
//! Everything here returns an [`InputError`] instead of failing: a kind and a position
//! (byte, line, column) or a size — never a piece of the input, so a message about a broken
//! file cannot leak an identifier that was in it.
//!
//! Limits (skjemavakt README.md, "Back office: the command line"): a document (a file, or one
//! line of an NDJSON file) may be at most [`MAX_DOCUMENT_BYTES`] (10 MiB); an NDJSON file at
//! most [`MAX_NDJSON_BYTES`] (1 GiB).
//!
//! ```
//! use skjemavakt::cli::input::{decode, InputError};
//! assert_eq!(decode(b"\xEF\xBB\xBF{}".to_vec()).unwrap(), "{}"); // a BOM is dropped
//! let e = decode(b"{\n  \"a\": \"x\xFFy\"}".to_vec()).unwrap_err();
//! assert_eq!(e, InputError::NotUtf8 { byte: 11, line: 2, column: 10 });
//! ```

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest document accepted: 10 MiB. Real applications are a few kilobytes; anything this
/// large is a wrong file, and refusing it keeps a batch's memory bounded.
pub const MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;

/// Largest NDJSON file accepted: 1 GiB (each line is still limited to a document's size).
pub const MAX_NDJSON_BYTES: u64 = 1024 * 1024 * 1024;

/// Why an input could not be read as a document. Carries kinds, positions and sizes only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// The operating system refused (not found, permission, …). The text is the OS's own
    /// description of the error (it never contains file contents).
    Io {
        kind: std::io::ErrorKind,
        os: String,
    },
    /// Larger than the limit. `size` is known when the file system told it.
    TooLarge { size: Option<u64>, limit: u64 },
    /// Not UTF-8: the first bad byte's offset (0-based), line and column (1-based, in
    /// characters).
    NotUtf8 {
        byte: usize,
        line: usize,
        column: usize,
    },
    /// Empty or only white space.
    Empty,
}

impl InputError {
    fn io(e: &std::io::Error) -> InputError {
        InputError::Io {
            kind: e.kind(),
            os: e.to_string(),
        }
    }

    /// A stable code for the summary table and JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Io { .. } => "cli.io",
            InputError::TooLarge { .. } => "cli.too_large",
            InputError::NotUtf8 { .. } => "cli.not_utf8",
            InputError::Empty => "cli.empty",
        }
    }
}

/// Line and column (1-based; the column counts characters) of byte offset `byte` in `text`.
/// An offset past the end or inside a character is moved back to a character boundary.
pub fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    let before = text.get(..b).unwrap_or("");
    let line = before.bytes().filter(|&c| c == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Decodes UTF-8 (dropping a byte-order mark); a bad byte is reported by position.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let valid = e.as_bytes().get(..byte).unwrap_or(&[]);
        let prefix = std::str::from_utf8(valid).unwrap_or("");
        let (line, column) = line_column(prefix, prefix.len());
        InputError::NotUtf8 { byte, line, column }
    })
}

/// Decodes and refuses an empty (or all white space) text.
pub fn decode_document(bytes: Vec<u8>) -> Result<String, InputError> {
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(text)
}

/// Reads at most `limit` bytes from `r`; more is an error.
pub fn read_limited(r: impl Read, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| InputError::io(&e))?;
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge { size: None, limit });
    }
    Ok(buf)
}

/// Reads a file of at most `limit` bytes (checked before reading when the size is known).
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let file = fs::File::open(path).map_err(|e| InputError::io(&e))?;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(InputError::io(&std::io::Error::from(
                std::io::ErrorKind::IsADirectory,
            )));
        }
        if meta.is_file() && meta.len() > limit {
            return Err(InputError::TooLarge {
                size: Some(meta.len()),
                limit,
            });
        }
    }
    read_limited(file, limit)
}

/// Reads `path`, or standard input when it is `-`.
pub fn read_path_or_stdin(
    path: &str,
    stdin: &mut dyn Read,
    limit: u64,
) -> Result<Vec<u8>, InputError> {
    if path == "-" {
        read_limited(stdin, limit)
    } else {
        read_file(Path::new(path), limit)
    }
}

/// One line of an NDJSON text: its 1-based line number and bytes (without `\r\n`).
/// Blank lines are skipped; a line longer than the document limit is an error.
pub fn ndjson_lines(bytes: &[u8]) -> Vec<(usize, Result<Vec<u8>, InputError>)> {
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let item = if line.len() as u64 > MAX_DOCUMENT_BYTES {
            Err(InputError::TooLarge {
                size: Some(line.len() as u64),
                limit: MAX_DOCUMENT_BYTES,
            })
        } else {
            Ok(line.to_vec())
        };
        out.push((i + 1, item));
    }
    out
}

/// What a folder holds for a batch: the files to read (sorted, recursively, hidden entries
/// skipped) and how many other files were skipped.
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<PathBuf>,
    pub skipped: usize,
    /// Folders that could not be listed, with the reason.
    pub errors: Vec<(PathBuf, InputError)>,
}

/// Lists the files under `dir` whose extension is one of `exts` (case-insensitive).
/// Symbolic links to folders are not followed (no cycles).
pub fn list_dir(dir: &Path, exts: &[&str]) -> Listing {
    let mut listing = Listing::default();
    walk(dir, exts, &mut listing, 0);
    listing.files.sort();
    listing
}

fn walk(dir: &Path, exts: &[&str], listing: &mut Listing, depth: usize) {
    if depth > 64 {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            listing.errors.push((dir.to_path_buf(), InputError::io(&e)));
            return;
        }
    };
    let mut children: Vec<_> = entries.filter_map(Result::ok).collect();
    children.sort_by_key(|e| e.file_name());
    for entry in children {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir {
            walk(&path, exts, listing, depth + 1);
            continue;
        }
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.iter().any(|x| x.eq_ignore_ascii_case(e)));
        if wanted {
            listing.files.push(path);
        } else {
            listing.skipped += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        assert_eq!(line_column("æøå\nab", 8), (2, 2));
        assert_eq!(line_column("æ", 1), (1, 1));
        assert_eq!(line_column("", 99), (1, 1));
    }

    #[test]
    fn limits_are_enforced() {
        let data = [b'x'; 11];
        assert_eq!(
            read_limited(&data[..], 10),
            Err(InputError::TooLarge {
                size: None,
                limit: 10
            })
        );
        assert_eq!(read_limited(&data[..], 11).map(|v| v.len()), Ok(11));
    }

    #[test]
    fn empty_and_blank_documents_are_refused() {
        assert_eq!(decode_document(Vec::new()), Err(InputError::Empty));
        assert_eq!(decode_document(b" \n\t".to_vec()), Err(InputError::Empty));
    }

    #[test]
    fn ndjson_skips_blank_lines_and_keeps_numbers() {
        let lines = ndjson_lines(b"{}\r\n\n  \n{\"a\":1}\n");
        let nums: Vec<usize> = lines.iter().map(|(n, _)| *n).collect();
        assert_eq!(nums, vec![1, 4]);
        assert_eq!(
            lines.first().map(|(_, l)| l.clone()),
            Some(Ok(b"{}".to_vec()))
        );
    }
}
