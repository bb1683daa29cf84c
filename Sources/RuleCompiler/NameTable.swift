/// Names looked up by their UTF-8 bytes, without making a `String` of the bytes: an open-addressed
/// hash table over one buffer of the names' bytes. Built once; read by `CaseStream` for every key
/// and enum value of a case.
///
/// Names match byte for byte. `String` compares by canonical equivalence, so a name written in
/// another normal form finds nothing here; the caller then takes the slower path that compares
/// strings.
struct NameTable: Sendable {
  private struct Entry: Sendable {
    var hash: UInt32 = 0
    /// The name's bytes in `bytes`; `count` is -1 for an empty entry.
    var start: Int32 = 0
    var count: Int32 = -1
    var value: Int32 = 0
  }

  private var bytes: [UInt8] = []
  private var entries: [Entry]
  private let mask: Int

  /// A table of `names`, each with its value; of names given twice, the first counts.
  init(_ names: some Sequence<(name: String, value: Int)>) {
    let names = Array(names)
    var capacity = 8
    while capacity < names.count * 2 { capacity *= 2 }
    mask = capacity - 1
    entries = Array(repeating: Entry(), count: capacity)
    for (name, value) in names {
      let utf8 = Array(name.utf8)
      let known = utf8.withUnsafeBufferPointer { self.value(for: $0) }
      guard known == nil else { continue }
      let hash = utf8.withUnsafeBufferPointer { Self.hash($0) }
      var index = Int(hash) & mask
      while entries[index].count >= 0 { index = (index + 1) & mask }
      entries[index] = Entry(
        hash: hash, start: Int32(bytes.count), count: Int32(utf8.count), value: Int32(value))
      bytes.append(contentsOf: utf8)
    }
  }

  /// The value of the name spelt by `key`, or nil.
  func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = Self.hash(key)
    var index = Int(hash) & mask
    return bytes.withUnsafeBufferPointer { names in
      while true {
        let entry = entries[index]
        if entry.count < 0 { return nil }
        if entry.hash == hash, Int(entry.count) == key.count,
          key.elementsEqual(names[Int(entry.start)..<Int(entry.start) + Int(entry.count)])
        {
          return Int(entry.value)
        }
        index = (index + 1) & mask
      }
    }
  }

  /// FNV-1a over the bytes, folded to 32 bits.
  private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key {
      hash ^= UInt64(byte)
      hash &*= 0x100_0000_01b3
    }
    return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
  }
}
