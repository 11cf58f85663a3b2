@main
struct PledgeKitCommand { static func main() {} }
