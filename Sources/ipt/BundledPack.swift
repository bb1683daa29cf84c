enum BundledPack { static let files: [(path: String, text: String)] = [] }
