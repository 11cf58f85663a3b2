import Testing
@testable import PledgeKit

/// The in-place reorder must give what building a new array in that order gives.
@Suite struct InPlaceReorderTests {
    @Test func givesTheSameArrayAsMappingTheOrder() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 10, 257, 5_000] {
            let original = (0..<count).map { "取組\($0)" }
            let order = Array(original.indices).shuffled(using: &random)
            var reordered = original
            reordered.reorder(to: order)
            #expect(reordered == order.map { original[$0] })
        }
    }

    @Test func identityAndSingleCycleKeepEveryElement() {
        var identity = ["a", "b", "c"]
        identity.reorder(to: [0, 1, 2])
        #expect(identity == ["a", "b", "c"])
        var rotated = ["a", "b", "c", "d"]
        rotated.reorder(to: [1, 2, 3, 0])
        #expect(rotated == ["b", "c", "d", "a"])
    }
}
