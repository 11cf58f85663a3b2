import PledgeCore

/// "もしかして": the known names closest to a misspelt one, for plan headers, layout keys and
/// department names alike. Compared after NFKC, ignoring spaces and case, by `EditDistance`.
public enum NearestNames {
    /// The known names at the smallest distance, if that distance is small for the word's length
    /// (at most a third of the longer name, and at least 1), in the order given.
    public static func nearest(to word: String, among known: [String], limit: Int = 3) -> [String] {
        let key = Array(Normalize.key(word))
        guard !key.isEmpty else { return [] }
        var best = Int.max
        var names: [String] = []
        for name in known {
            let other = Array(Normalize.key(name))
            let distance = EditDistance.between(key, other)
            guard distance <= max(1, max(key.count, other.count) / 3) else { continue }
            if distance < best {
                best = distance
                names = [name]
            } else if distance == best, !names.contains(name) {
                names.append(name)
            }
        }
        return Array(names.prefix(limit))
    }

}
