//! Reading a file with a bound: a bundle or a rule file is read up to one byte past what it
//! may be, never whole, so that a huge file, `/dev/zero` or an endless pipe cannot take the
//! memory or hang the read.

use std::io::Read;
use std::path::Path;

/// Largest rule file read, in bytes (16 MiB: the shipped ones are a few KB).
pub const MAX_RULE_FILE_BYTES: usize = 16 << 20;

/// The bytes of `path`, at most `max + 1` of them: a result longer than `max` says the file
/// is larger than it may be (the caller reports it), without the rest being read.
pub fn read_bounded(path: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let limit = u64::try_from(max.saturating_add(1)).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Why a file of text could not be taken: it broke a bound. The payload of the
/// `std::io::Error` that [`read_text_bounded`] returns, so a caller can word it in its reader's
/// language; its `Display` is the English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Unfit {
    /// Larger than the bound, in MiB.
    #[error("it is larger than {0} MiB, the most a rule file may be")]
    TooLarge(usize),
    /// Not UTF-8 from this byte on.
    #[error("it is not UTF-8 text (the encoding breaks at byte {0})")]
    NotUtf8(usize),
}

/// The text of a rule file (or any file of text that is not a bundle): at most `max` bytes of
/// UTF-8, else an error that says which bound it broke (its payload: [`Unfit`]).
pub fn read_text_bounded(path: &Path, max: usize) -> std::io::Result<String> {
    let bytes = read_bounded(path, max)?;
    if bytes.len() > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            Unfit::TooLarge(max >> 20),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            Unfit::NotUtf8(e.utf8_error().valid_up_to()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_up_to_one_byte_past_the_bound() {
        let dir = std::env::temp_dir().join(format!("ereje-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f");
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        assert_eq!(read_bounded(&path, 10).unwrap().len(), 11);
        assert_eq!(read_bounded(&path, 100).unwrap().len(), 100);
        let e = read_text_bounded(&path, 10).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        std::fs::write(&path, [b'a', 0xff]).unwrap();
        assert!(
            read_text_bounded(&path, 10)
                .unwrap_err()
                .to_string()
                .contains("breaks at byte 1")
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_device_is_cut_at_the_bound() {
        assert_eq!(
            read_bounded(Path::new("/dev/zero"), 1000).unwrap().len(),
            1001
        );
    }
}
