import Foundation
import Testing

/// PledgeKit's folders say the flow: each may use the folders before it in `flow`, never one after
/// it, so that there is no cycle and a newcomer knows where a change goes (README, Architecture).
@Suite struct FolderDependencyTests {
    /// Bottom first. Siblings on one line may not use each other either way except as listed.
    static let flow: [[String]] = [
        ["Support"], ["Model"], ["Layout"], ["Input"], ["Reconcile"], ["Report"],
        ["Workbook", "OpenData", "Template", "OutputFolder"], ["Audit"], ["Pipelines"],
    ]
    /// The reconciliation sheet of the workbook is the open data's reconciliation.csv, in one definition.
    static let allowedSiblingUses: Set<String> = ["Workbook → OpenData"]

    /// Top-level type names declared in each folder (nested types are reached through their parent).
    static func declarations(_ files: [SourceTree.File]) throws -> [String: String] {
        let regex = try NSRegularExpression(pattern: #"^(?:(?:public|internal|private|fileprivate|final|indirect)\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)"#, options: .anchorsMatchLines)
        var owner: [String: String] = [:]
        for file in files {
            for match in regex.matches(in: file.code, range: NSRange(file.code.startIndex..., in: file.code)) {
                if let range = Range(match.range(at: 1), in: file.code) { owner[String(file.code[range]), default: file.folder] = file.folder }
            }
        }
        return owner
    }

    /// folder → folders it uses, with one example each.
    static func uses(_ files: [SourceTree.File]) throws -> [String: [String: String]] {
        let owner = try declarations(files)
        let word = try NSRegularExpression(pattern: #"\b[A-Z]\w*\b"#)
        var uses: [String: [String: String]] = [:]
        for file in files {
            for match in word.matches(in: file.code, range: NSRange(file.code.startIndex..., in: file.code)) {
                guard let range = Range(match.range, in: file.code), let folder = owner[String(file.code[range])],
                      folder != file.folder, !folder.isEmpty else { continue }
                uses[file.folder, default: [:]][folder] = uses[file.folder]?[folder] ?? "\(file.path) uses \(file.code[range])"
            }
        }
        return uses
    }

    static func rank(_ folder: String) -> Int? { flow.firstIndex { $0.contains(folder) } }

    @Test func everyFolderIsInTheFlow() throws {
        let folders = Set(SourceTree.files(in: "PledgeKit").map(\.folder))
        #expect(folders == Set(Self.flow.flatMap { $0 }), "a new folder needs its place in `flow` and in README")
    }

    @Test func noFolderUsesOneAfterIt() throws {
        var wrong: [String] = []
        for (user, used) in try Self.uses(SourceTree.files(in: "PledgeKit")) {
            for (folder, example) in used {
                guard let from = Self.rank(user), let to = Self.rank(folder) else { continue }
                if to > from || (to == from && !Self.allowedSiblingUses.contains("\(user) → \(folder)")) {
                    wrong.append("\(user) → \(folder): \(example)")
                }
            }
        }
        #expect(wrong.sorted().isEmpty, "\(wrong.sorted().joined(separator: "\n"))")
    }

    @Test func theCheckSeesAUseAgainstTheFlow() throws {
        // The rule above must be able to fail: a Model file naming a Pipelines type is caught.
        let files = [
            SourceTree.File(path: "PledgeKit/Pipelines/A.swift", folder: "Pipelines", text: "", code: "public enum MergeThing {}"),
            SourceTree.File(path: "PledgeKit/Model/B.swift", folder: "Model", text: "", code: "struct B { var x: MergeThing }"),
        ]
        let uses = try Self.uses(files)
        #expect(uses["Model"]?["Pipelines"] != nil)
    }
}
