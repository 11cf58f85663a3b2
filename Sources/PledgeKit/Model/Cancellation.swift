import Foundation

/// Asks a running pipeline to stop. Checked between files and between stages; a run that stops
/// writes nothing and leaves the out folder as it was. A pipeline called from a Swift task also
/// stops when the task is cancelled (the `async` entry points connect the two).
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Whether the run should stop: asked for here, or the current Swift task was cancelled.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled || Task.isCancelled
    }

    /// Runs `body` off the task's thread (a pipeline blocks for seconds, and Swift's cooperative
    /// threads are few), stopping it when the calling task is cancelled.
    func linked<T: Sendable>(to body: @escaping @Sendable () -> T) async -> T {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: body()) }
            }
        } onCancel: { self.cancel() }
    }
}
