import Foundation

/// Failed sign-ins per client in a sliding window: past the limit, the client is refused (429)
/// until the oldest failure leaves the window. A password guesser gets a few tries a minute.
actor SignInLimiter {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    func isBlocked(_ client: String, at time: Date) -> Bool {
        prune(client, at: time)
        return (failures[client]?.count ?? 0) >= limit
    }

    func failed(_ client: String, at time: Date) {
        prune(client, at: time)
        failures[client, default: []].append(time)
        // Addresses that stopped trying are forgotten now and then, so the table stays small.
        if failures.count > 10_000 { for other in Array(failures.keys) { prune(other, at: time) } }
    }

    func succeeded(_ client: String) {
        failures[client] = nil
    }

    private func prune(_ client: String, at time: Date) {
        guard let times = failures[client] else { return }
        let kept = times.filter { time.timeIntervalSince($0) < window }
        failures[client] = kept.isEmpty ? nil : kept
    }
}
