//! Writing output files whole or not at all: the binaries' one way to write,
//! so a failed or interrupted run never leaves half a file behind.

use std::io::Write;
use std::path::Path;

/// Writes beside the target and renames, so readers never see half a file.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), String> {
    let name = out.display();
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file_name = out.file_name().ok_or_else(|| format!("{name}: not a file path"))?;
    let temporary = parent.join(format!(".{}.{}.tmp", file_name.to_string_lossy(), std::process::id()));
    let result = (|| {
        std::fs::create_dir_all(parent)?;
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, out)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("{name}: cannot write: {e}")
    })
}
