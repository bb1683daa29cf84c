extension String {
  /// Whether any of the text's UTF-8 bytes satisfies `test`, read in place in one pass (no
  /// decoding into characters, which `String.contains` would do).
  func containsByte(where test: (UInt8) -> Bool) -> Bool {
    var text = self
    return text.withUTF8 { bytes in
      for byte in bytes where test(byte) { return true }
      return false
    }
  }
}
