import PledgeCore

/// "もしかして": the known names closest to a misspelt one, for plan headers, layout keys and
/// department names alike. Compared after NFKC, ignoring spaces and case, by edit distance.
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
            let distance = editDistance(key, other)
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

    /// `（もしかして: 担当部署、担当課）`, or "" when nothing is close.
    public static func suggestion(for word: String, among known: [String]) -> String {
        let names = nearest(to: word, among: known)
        return names.isEmpty ? "" : "（もしかして: \(names.joined(separator: "、"))）"
    }

    /// Edits between two words, a swap of neighbours counting as one (`titel` → `title`).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
