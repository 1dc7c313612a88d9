//! Finding and reading the files a command was given. Directories are walked following
//! symbolic links, but each directory and each file is visited once (by device and inode), so
//! a link back to a parent neither repeats files nor loops. Only regular files are read, and
//! only up to [`MAX_FILE_SIZE`]: a pipe, a device or a huge file is a diagnostic, never a wait
//! without end or memory without bound.

use crate::diagnostics::{Diagnostic, FileError, FileKind};
use crate::source::Source;
use crate::span::Span;
use std::collections::HashSet;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest file read: real plans and measurement files take a few hundred kilobytes, and
/// checking costs about 13 bytes of memory per byte of plan.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// What identifies a file whatever the path that names it: its device and inode on Unix, its
/// canonical path elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Identity {
    Inode { device: u64, inode: u64 },
    Path(PathBuf),
}

/// The identity of the file `path` names (through symbolic links), if it exists.
pub fn identity(path: &Path) -> Option<Identity> {
    let metadata = fs::metadata(path).ok()?;
    identity_of(path, &metadata)
}

#[cfg(unix)]
fn identity_of(_path: &Path, metadata: &Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some(Identity::Inode {
        device: metadata.dev(),
        inode: metadata.ino(),
    })
}

#[cfg(not(unix))]
fn identity_of(path: &Path, _metadata: &Metadata) -> Option<Identity> {
    fs::canonicalize(path).ok().map(Identity::Path)
}

/// Expands the given paths: files as given, directories searched recursively for files with
/// `extension`, in a stable (sorted) order, each file once. Paths that do not exist are
/// returned as errors.
pub fn expand(paths: &[PathBuf], extension: &str) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut walk = Walk::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk.directory(path, &m, extension),
            Ok(m) => walk.file(path, Some(&m)),
            // A dangling link, say: reading it will say why.
            Err(_) if fs::symlink_metadata(path).is_ok() => walk.file(path, None),
            Err(_) => walk.errors.push((path.clone(), not_found())),
        }
    }
    (walk.files, walk.errors)
}

fn not_found() -> String {
    "file o cartella inesistente / no such file or directory".into()
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    errors: Vec<(PathBuf, String)>,
    seen_files: HashSet<Identity>,
    seen_directories: HashSet<Identity>,
}

impl Walk {
    fn file(&mut self, path: &Path, metadata: Option<&Metadata>) {
        let id = metadata.and_then(|m| identity_of(path, m));
        if id.is_none_or(|id| self.seen_files.insert(id)) {
            self.files.push(path.to_path_buf());
        }
    }

    /// Depth first, entries sorted, without recursion (a deep tree cannot exhaust the stack).
    fn directory(&mut self, root: &Path, metadata: &Metadata, extension: &str) {
        let mut stack = Vec::new();
        if let Some(entries) = self.enter(root, metadata) {
            stack.push(entries);
        }
        while let Some(entries) = stack.last_mut() {
            let Some(entry) = entries.next() else {
                stack.pop();
                continue;
            };
            let hidden = entry
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            let wanted = entry.extension().is_some_and(|e| e == extension);
            match fs::metadata(&entry) {
                Ok(m) if m.is_dir() => {
                    if let Some(entries) = self.enter(&entry, &m) {
                        stack.push(entries);
                    }
                }
                // Pipes and devices named `*.piano` too: reading them says what they are.
                Ok(m) if wanted => self.file(&entry, Some(&m)),
                Err(_) if wanted => self.file(&entry, None),
                _ => {}
            }
        }
    }

    /// The sorted entries of a directory not seen before.
    fn enter(&mut self, dir: &Path, metadata: &Metadata) -> Option<std::vec::IntoIter<PathBuf>> {
        if let Some(id) = identity_of(dir, metadata)
            && !self.seen_directories.insert(id)
        {
            return None;
        }
        match fs::read_dir(dir) {
            Ok(rd) => {
                let mut entries: Vec<PathBuf> =
                    rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
                entries.sort();
                Some(entries.into_iter())
            }
            Err(e) => {
                self.errors.push((dir.to_path_buf(), e.to_string()));
                None
            }
        }
    }
}

/// Reads a file; when it cannot be read, the source is empty and the diagnostic says why.
pub fn read(path: &Path) -> (Source, Option<Diagnostic>) {
    let name = path.display().to_string();
    match read_bytes(path) {
        Ok(bytes) => (Source::from_vec(name, bytes).0, None),
        Err(error) => (
            Source::new(name, ""),
            Some(Diagnostic::new(Span::point(0), error)),
        ),
    }
}

/// The bytes of a regular file of at most [`MAX_FILE_SIZE`] bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_limited(path, MAX_FILE_SIZE)
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let unreadable = |e: io::Error| FileError::Unreadable {
        error: e.to_string(),
    };
    let file = open(path).map_err(unreadable)?;
    // The type of what was opened, not of what the path named a moment before.
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(FileError::NotRegular {
            kind: kind(&metadata),
        });
    }
    if metadata.len() > limit {
        return Err(FileError::TooLarge {
            size: Some(metadata.len()),
            limit,
        });
    }
    // The size said may be wrong (a file growing, or /proc): the reader is bounded anyway.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// Opens for reading without waiting: opening a pipe with no writer blocks otherwise.
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    // Elsewhere the type is checked before opening.
    let metadata = fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::other(format!("{:?}", kind(&metadata))));
    }
    File::open(path)
}

#[cfg(unix)]
fn kind(metadata: &Metadata) -> FileKind {
    use std::os::unix::fs::FileTypeExt;
    let t = metadata.file_type();
    if t.is_dir() {
        FileKind::Directory
    } else if t.is_fifo() {
        FileKind::Fifo
    } else if t.is_char_device() || t.is_block_device() {
        FileKind::Device
    } else if t.is_socket() {
        FileKind::Socket
    } else {
        FileKind::Other
    }
}

#[cfg(not(unix))]
fn kind(metadata: &Metadata) -> FileKind {
    if metadata.is_dir() {
        FileKind::Directory
    } else {
        FileKind::Other
    }
}

/// Reads a plan: as [`read`], decoded as a plan (`Source::plan_from_bytes`).
pub fn read_plan(path: &Path) -> (Source, Option<Diagnostic>) {
    let name = path.display().to_string();
    match read_bytes(path) {
        Ok(bytes) => (Source::plan_from_vec(name, bytes).0, None),
        Err(error) => (
            Source::new(name, ""),
            Some(Diagnostic::new(Span::point(0), error)),
        ),
    }
}

pub fn unreadable(name: String, error: String) -> (Source, Option<Diagnostic>) {
    (
        Source::new(name, ""),
        Some(Diagnostic::new(
            Span::point(0),
            FileError::Unreadable { error },
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("piano-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_limit_is_checked_by_size_and_by_what_is_read() {
        let dir = scratch("limit");
        let path = dir.join("a.piano");
        fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_limited(&path, 10).unwrap().len(), 10);
        assert_eq!(
            read_limited(&path, 9),
            Err(FileError::TooLarge {
                size: Some(10),
                limit: 9
            })
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_not_read() {
        assert_eq!(
            read_bytes(Path::new("/dev/zero")),
            Err(FileError::NotRegular {
                kind: FileKind::Device
            })
        );
        assert_eq!(
            read_bytes(Path::new("/")),
            Err(FileError::NotRegular {
                kind: FileKind::Directory
            })
        );
    }
}
