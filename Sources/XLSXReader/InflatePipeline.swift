import Foundation

/// Inflates an entry on a second thread while the caller parses: chunks of 1 MB, at most four
/// waiting, so memory stays bounded. `next()` returns nil at the end and rethrows the inflater's
/// error; `cancel()` (or deinit) stops the producer.
final class InflatePipeline: @unchecked Sendable {
    static let chunkSize = 1 << 20
    static let maxQueued = 4

    private let condition = NSCondition()
    private var queue: [[UInt8]] = []
    private var finished = false
    private var cancelled = false
    private var failure: XLSXReadError?
    private let inflater: EntryInflater

    init(_ inflater: EntryInflater) {
        self.inflater = inflater
        // The thread holds the pipeline only while it runs: kept in a property as well, the two
        // would hold each other for ever, and every workbook read would keep its whole file,
        // its zlib state and the thread in memory (a merge of 1,000 files kept all 1,000).
        let thread = Thread { [self] in produce() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { cancel() }

    private func produce() {
        while true {
            // No bigger than what is left of the declared size (plus one byte, so that a part
            // longer than it declares is still caught): a 20 KB sheet used to clear two 1 MB
            // chunks, which was most of the time a small workbook took to read.
            let left = max(inflater.entry.uncompressedSize - inflater.bytesProduced, 0)
            var chunk = [UInt8](repeating: 0, count: min(Self.chunkSize, left + 1))
            var filled = 0
            var problem: XLSXReadError?
            chunk.withUnsafeMutableBufferPointer { buffer in
                while filled < buffer.count {
                    do throws(XLSXReadError) {
                        let count = try inflater.read(into: buffer.baseAddress! + filled, capacity: buffer.count - filled)
                        if count == 0 { break }
                        filled += count
                    } catch {
                        problem = error
                        break
                    }
                }
            }
            chunk.removeSubrange(filled...)
            condition.lock()
            while queue.count >= Self.maxQueued && !cancelled { condition.wait() }
            if cancelled { condition.unlock(); return }
            if let problem { failure = problem; finished = true }
            else if chunk.isEmpty { finished = true }
            else { queue.append(chunk) }
            let done = finished
            condition.broadcast()
            condition.unlock()
            if done { return }
        }
    }

    func next() throws(XLSXReadError) -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let chunk = queue.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
