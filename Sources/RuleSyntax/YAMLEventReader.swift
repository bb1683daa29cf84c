internal import CLibYAML

/// Pulls the system libyaml's parser events one at a time, composing nothing: for a reader that
/// knows the shape it expects and turns events straight into values (case files, see
/// `CaseStream`). Scalars are lent as bytes, valid until the next event; marks are 1-based.
///
/// Use it inside `read(_:_:)`, which keeps the text's bytes alive for the parser.
package final class YAMLEventReader {
  /// What an event is.
  package enum Kind: Sendable {
    case streamStart, streamEnd, documentStart, documentEnd, alias, scalar
    case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    /// Before the first event, or after the parser failed.
    case none
  }

  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let event: UnsafeMutablePointer<yaml_event_t>
  private var ready = false
  private var holdsEvent = false
  /// The current event's kind.
  package private(set) var kind = Kind.none

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    parser = .allocate(capacity: 1)
    parser.initialize(to: yaml_parser_t())
    event = .allocate(capacity: 1)
    event.initialize(to: yaml_event_t())
    guard let base = bytes.baseAddress, yaml_parser_initialize(parser) == 1 else { return }
    ready = true
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, base, bytes.count)
  }

  deinit {
    if holdsEvent { yaml_event_delete(event) }
    if ready { yaml_parser_delete(parser) }
    event.deallocate()
    parser.deallocate()
  }

  /// Runs `body` over the events of `text`; the reader must not outlive the call.
  package static func read<Result>(
    _ text: String, _ body: (YAMLEventReader) -> Result
  ) -> Result {
    var text = text
    return text.withUTF8 { bytes in body(YAMLEventReader(bytes: bytes)) }
  }

  /// Moves to the next event; false when there is none (the stream ended, or libyaml found an
  /// error, which this reader does not describe).
  package func next() -> Bool {
    if holdsEvent {
      yaml_event_delete(event)
      holdsEvent = false
    }
    guard ready, kind != .streamEnd, yaml_parser_parse(parser, event) == 1 else {
      kind = .none
      return false
    }
    holdsEvent = true
    switch event.pointee.type {
    case YAML_STREAM_START_EVENT: kind = .streamStart
    case YAML_STREAM_END_EVENT: kind = .streamEnd
    case YAML_DOCUMENT_START_EVENT: kind = .documentStart
    case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
    case YAML_ALIAS_EVENT: kind = .alias
    case YAML_SCALAR_EVENT: kind = .scalar
    case YAML_SEQUENCE_START_EVENT: kind = .sequenceStart
    case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
    case YAML_MAPPING_START_EVENT: kind = .mappingStart
    case YAML_MAPPING_END_EVENT: kind = .mappingEnd
    default: kind = .none
    }
    return true
  }

  /// The current scalar's bytes (empty for any other event).
  package var scalar: UnsafeBufferPointer<UInt8> {
    guard kind == .scalar else { return UnsafeBufferPointer(start: nil, count: 0) }
    let scalar = event.pointee.data.scalar
    return UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
  }

  /// The current scalar's style, as `YAMLComposer` records it.
  package var style: YNode.Style {
    switch event.pointee.data.scalar.style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE: .quoted
    case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: .block
    default: .plain
    }
  }

  /// Whether the current scalar is YAML null as `YNode.isNull` reads it (`null`, `~`, `Null`,
  /// `NULL` or nothing, unquoted).
  package var isNull: Bool {
    guard kind == .scalar, style == .plain else { return false }
    let bytes = scalar
    switch bytes.count {
    case 0: return true
    case 1: return bytes[0] == UInt8(ascii: "~")
    case 4:
      let n = bytes[0]
      let rest = (bytes[1], bytes[2], bytes[3])
      return (n == UInt8(ascii: "n") || n == UInt8(ascii: "N"))
        && (rest == (UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l"))
          || (n == UInt8(ascii: "N")
            && rest == (UInt8(ascii: "U"), UInt8(ascii: "L"), UInt8(ascii: "L"))))
    default: return false
    }
  }

  /// The 1-based line of the current event's start.
  package var line: Int { Int(event.pointee.start_mark.line) + 1 }
  /// The 1-based column (in characters) of the current event's start.
  package var column: Int { Int(event.pointee.start_mark.column) + 1 }
}
