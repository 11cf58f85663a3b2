import Foundation

/// Work on independent items (department files) spread over every core.
enum Concurrently {
    /// `transform` of every index, on all cores, the results in index order: whatever the
    /// threads' timing, the caller sees what a sequential loop would give.
    static func map<Result: Sendable>(_ indices: Range<Int>, _ transform: @Sendable (Int) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: indices.count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration writes only its own slot.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: indices.count) { offset in
                slots[offset] = transform(indices.lowerBound + offset)
            }
        }
        return results.map { $0! }
    }
}
