import Dispatch

/// Frees a large value on another core. The department files' rows are done with once they are
/// reconciled, and freeing a million cells (0.02 s at 1,000 files, more for one 200,000-row
/// workbook) would otherwise hold up the serial steps that follow, with the other core idle.
enum BackgroundRelease {
    /// Takes the caller's reference: the value is freed on a background thread, unless someone
    /// else still holds it. Nothing waits for it; an exit before it runs frees nothing, which is fine.
    static func drop<Value: Sendable>(_ value: consuming Value) {
        let held = value
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
    }
}
