//! Writing files without ever destroying one. The new content goes to a temporary file in the
//! same directory, is flushed to disk, takes the old file's permissions, and replaces the old
//! file by a rename, which is atomic: a full disk, a kill or a crash leaves the old file whole
//! (at worst with a hidden temporary file beside it). A plan is written only if it parses, and
//! an output that names one of the command's inputs is refused. `piano fmt`, `eval -o`,
//! `template -o` and `check --fix` all write through here.

use super::files;
use crate::diagnostics::{Code, Lang, output};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug)]
pub enum WriteError {
    /// The output path names a file the command reads.
    IsAnInput {
        output: PathBuf,
        input: PathBuf,
    },
    /// The plan to write has a syntax error (a bug of the command that made it).
    Unparsable {
        path: PathBuf,
        code: Code,
        line: usize,
    },
    Io {
        path: PathBuf,
        error: io::Error,
    },
}

impl WriteError {
    /// The line for standard error.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WriteError::IsAnInput { output, input } => {
                output::output_is_an_input(lang, output, input)
            }
            WriteError::Unparsable { path, code, line } => {
                output::unparsable_plan(lang, path, *code, *line)
            }
            WriteError::Io { path, error } => {
                output::cannot_write(lang, path, error, path.exists())
            }
        }
    }
}

/// Refuses an output that is one of `inputs` (the same file, through any path or link).
pub fn refuse_inputs(output: &Path, inputs: &[&Path]) -> Result<(), WriteError> {
    let Some(out) = files::identity(output) else {
        return Ok(()); // it does not exist yet, so it is no input
    };
    match inputs
        .iter()
        .find(|i| files::identity(i).is_some_and(|id| id == out))
    {
        Some(input) => Err(WriteError::IsAnInput {
            output: output.to_path_buf(),
            input: input.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// Writes a plan's new text over `path`, encoded as `original` was (see [`plan_bytes`]), if
/// and only if it parses without errors.
pub fn plan(path: &Path, text: &str, original: &[u8]) -> Result<(), WriteError> {
    let parsed = crate::syntax::parse(text);
    if let Some(d) = parsed.diagnostics.iter().find(|d| d.is_error()) {
        let line = text
            .get(..d.span.start)
            .unwrap_or(text)
            .matches('\n')
            .count()
            + 1;
        return Err(WriteError::Unparsable {
            path: path.to_path_buf(),
            code: d.code(),
            line,
        });
    }
    file(path, &plan_bytes(text, original))
}

/// The bytes of a plan's new text: UTF-8, with CRLF line ends if the original's first line
/// ended so, and the original's byte order mark if it had one.
pub fn plan_bytes(text: &str, original: &[u8]) -> Vec<u8> {
    let bom: &[u8] = b"\xEF\xBB\xBF";
    let crlf = original
        .iter()
        .position(|&b| b == b'\n')
        .is_some_and(|i| i > 0 && original[i - 1] == b'\r');
    let mut out = Vec::with_capacity(text.len() + 16);
    if original.starts_with(bom) {
        out.extend_from_slice(bom);
    }
    if crlf {
        out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    } else {
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// Writes `bytes` to `path`, replacing the file atomically.
pub fn file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace_with(path, |f| f.write_all(bytes)).map_err(|error| WriteError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// Writes what `fill` produces to `path`, replacing the file atomically like [`file`]; `fill`
/// writes through a buffer into the temporary file, so the content is never held whole.
pub fn stream(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    replace_with(path, |f| {
        let mut buffered = io::BufWriter::new(f);
        fill(&mut buffered)?;
        buffered.flush()
    })
    .map_err(|error| WriteError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// The core of [`file`], with the writing step given (tests make it fail half-way).
fn replace_with(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let permissions = match fs::metadata(path) {
        Ok(m) if m.is_file() => {
            // A read-only file stays unwritten, as it would with a plain write.
            OpenOptions::new().append(true).open(path)?;
            Some(m.permissions())
        }
        // `-o /dev/stdout`, a device, a pipe: nothing to replace, write into it.
        Ok(m) if !m.is_dir() => {
            let mut f = OpenOptions::new().write(true).open(path)?;
            return write(&mut f).and_then(|()| f.flush());
        }
        Ok(_) => return Err(io::Error::from(io::ErrorKind::IsADirectory)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    // Through a symbolic link, the file it points to is replaced and the link kept.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() && permissions.is_some() => fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    let (temp_path, mut temp) = temporary(&target)?;
    let result = (|| {
        write(&mut temp)?;
        temp.sync_all()?;
        if let Some(p) = permissions {
            fs::set_permissions(&temp_path, p)?;
        }
        drop(temp);
        fs::rename(&temp_path, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp_path);
    } else {
        sync_directory(&target);
    }
    result
}

/// A new file beside `target`, hidden (so that `piano check DIR` skips it), never an
/// existing one.
fn temporary(target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "piano".into(), |n| n.to_string_lossy());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Makes the rename itself durable; a failure here loses nothing already written.
fn sync_directory(target: &Path) {
    #[cfg(unix)]
    if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = target;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("piano-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn keeps_crlf_and_bom() {
        assert_eq!(plan_bytes("a\nb\n", b"x\r\ny"), b"a\r\nb\r\n");
        assert_eq!(plan_bytes("a\n", b"\xEF\xBB\xBFx\n"), b"\xEF\xBB\xBFa\n");
        assert_eq!(plan_bytes("a\n", b"x"), b"a\n");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_whole_and_no_temporary() {
        let dir = scratch("enospc");
        let path = dir.join("plan.piano");
        fs::write(&path, "old text\n").unwrap();
        let result = replace_with(&path, |f| {
            f.write_all(b"half of the new")?;
            Err(io::Error::other("No space left on device"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old text\n");
        assert_eq!(entries(&dir), ["plan.piano"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn replaces_and_creates() {
        let dir = scratch("replace");
        let path = dir.join("out.csv");
        file(&path, b"one").unwrap();
        file(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(entries(&dir), ["out.csv"]);
        let _ = fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("perm");
        let path = dir.join("plan.piano");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.join("link.piano");
        std::os::unix::fs::symlink("plan.piano", &link).unwrap();
        file(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn never_writes_a_plan_that_does_not_parse() {
        let dir = scratch("unparsable");
        let path = dir.join("plan.piano");
        fs::write(&path, "old").unwrap();
        let e = plan(&path, "piano \"x\" {\n  anno 2.5\n}\n", b"old").unwrap_err();
        assert!(matches!(e, WriteError::Unparsable { line: 2, .. }), "{e:?}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn refuses_an_output_that_is_an_input() {
        let dir = scratch("input");
        let plan = dir.join("plan.piano");
        fs::write(&plan, "x").unwrap();
        let other = dir.join("report.txt");
        assert!(refuse_inputs(&other, &[&plan]).is_ok());
        fs::write(&other, "y").unwrap();
        assert!(refuse_inputs(&other, &[&plan]).is_ok());
        let same = dir.join(".").join("plan.piano");
        assert!(matches!(
            refuse_inputs(&same, &[&other, &plan]),
            Err(WriteError::IsAnInput { .. })
        ));
        let _ = fs::remove_dir_all(&dir);
    }
}
