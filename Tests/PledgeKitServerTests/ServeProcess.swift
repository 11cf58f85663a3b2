import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `pledgekit` binary run as a user would, for `serve`'s command line.
enum PledgeKitProcess {
    static var executable: URL {
        // The test executable sits beside the products of the same build (as in EndToEndTests).
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("pledgekit")
    }

    /// Runs to the end with `input` on stdin: (status, stdout, stderr).
    static func run(_ arguments: [String], input: String = "") throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

/// `pledgekit serve` running in the background; its first line of output, and its end.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let stdout = Pipe()
    let firstLine: String

    /// Starts the server and waits (at most a minute) for the line it prints when it listens.
    init(_ arguments: [String]) throws {
        process.executableURL = PledgeKitProcess.executable
        process.arguments = arguments
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = stdout.fileHandleForReading
        let box = LineBox()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            box.line = String(decoding: data.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            done.signal()
        }
        _ = done.wait(timeout: .now() + 60)
        firstLine = box.line ?? ""
    }

    /// `http://127.0.0.1:PORT`, from the line.
    var base: String {
        firstLine.replacingOccurrences(of: "待ち受け: ", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    var port: Int { Int(base.split(separator: ":").last ?? "") ?? 0 }

    func signal(_ number: Int32) -> Int32 {
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        return process.terminationStatus
    }

    private final class LineBox: @unchecked Sendable { var line: String? }
}

/// HTTP/1.1 over a plain socket to 127.0.0.1, one request per connection: what a browser sends,
/// nothing followed (redirects are for the test to read).
enum LoopbackHTTP {
    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: Data
        func header(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func send(port: Int, method: String, path: String, headers: [String: String] = [:], body: Data = Data()) throws -> Reply {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        var request = Data((head + "\r\n").utf8)
        request.append(body)
        try request.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var sent = 0
            while sent < buffer.count {
                let count = Glibc.send(descriptor, base + sent, buffer.count - sent, 0)
                guard count > 0 else { throw POSIXError(.EIO) }
                sent += count
            }
        }
        var response = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: chunk[0..<count])
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else { throw POSIXError(.EIO) }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let fields = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Reply(status: status, headers: fields, body: Data(response[split.upperBound...]))
    }
}
