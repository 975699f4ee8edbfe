//! The process's resident size, for the benchmarks' memory figures (Linux).

/// Resets the process's peak resident size, so that a stage's peak is its own.
pub(crate) fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// A field of `/proc/self/status` in kB (`VmRSS:`, `VmHWM:`); 0 if unknown.
pub(crate) fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
