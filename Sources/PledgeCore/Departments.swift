/// Department names as the plan and the submissions write them.
public enum Departments {
    /// Splits a 担当部署 cell: one name per line or separated by `;`, `、`, `，`; a leading bullet is
    /// dropped, but `・` inside a name (`港湾・企業振興課`) is part of it.
    public static func split(_ cell: String) -> [String] {
        let separators: Set<Character> = ["\n", "\r", ";", "；", "、", "，", ","]
        var names: [String] = []
        for piece in cell.split(whereSeparator: { separators.contains($0) }) {
            let name = normalizedName(String(piece))
            if !name.isEmpty && !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A single name without bullet and surrounding (full-width) spaces.
    public static func normalizedName(_ name: String) -> String {
        var text = Normalize.droppingBullet(name)
        while let first = text.first, "・･".contains(first) { text = Normalize.droppingBullet(String(text.dropFirst())) }
        return text
    }

    /// The key two spellings of one department share (`（消防本部）総務課` and `(消防本部)総務課`).
    public static func key(_ name: String) -> String {
        Normalize.key(normalizedName(name))
    }
}
