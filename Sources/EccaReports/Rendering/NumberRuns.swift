/// Numbers as a reader scans them: sorted, with runs of three or more joined ("1-4, 7, 9-11").
enum NumberRuns {
    static func text(_ numbers: [Int]) -> String {
        var runs: [String] = []
        var sorted = Array(Set(numbers)).sorted()[...]
        while let first = sorted.popFirst() {
            var last = first
            while sorted.first == last + 1 { last = sorted.removeFirst() }
            switch last - first {
            case 0: runs.append("\(first)")
            case 1: runs.append("\(first), \(last)")
            default: runs.append("\(first)-\(last)")
            }
        }
        return runs.joined(separator: ", ")
    }
}
