import Hummingbird
import MultipartKit
import RuleDiagnostics

/// A case file uploaded from the Evaluate page: a `multipart/form-data` body, parsed by
/// MultipartKit, whose part named `file` holds the case. The file's name is not used: its text is
/// read under the pseudo-path `<upload>`, which diagnostics quote.
enum CaseUpload {
  /// The pseudo-path of an uploaded case.
  static let path = "<upload>"
  /// The name of the form's file part.
  static let part = "file"

  /// The bytes of the uploaded file, or the diagnostic that says why there is none.
  static func file(_ bytes: [UInt8], contentType: String?) -> Result<[UInt8], Rejected<Diagnostic>>
  {
    guard let type = contentType.flatMap(MediaType.init(from:)), type.isType(.multipartForm),
      let parameter = type.parameter, parameter.name.lowercased() == "boundary",
      !parameter.value.isEmpty, parameter.value.utf8.count <= 70
    else {
      return .failure(
        Rejected(
          RequestInput.problem(
            .wrongShape, "the upload is not 'multipart/form-data' with a boundary",
            path: path, hint: "send the Evaluate page's upload form")))
    }
    // MultipartKit's parser, collecting the parts as its FormDataDecoder does.
    var parts: [MultipartPart] = []
    var headers = HTTPHeaders()
    var body = ByteBuffer()
    let parser = MultipartParser(boundary: parameter.value)
    parser.onHeader = { name, value in headers.replaceOrAdd(name: name, value: value) }
    parser.onBody = { buffer in body.writeBuffer(&buffer) }
    parser.onPartComplete = {
      parts.append(MultipartPart(headers: headers, body: body))
      headers = HTTPHeaders()
      body = ByteBuffer()
    }
    do {
      try parser.execute(bytes)
    } catch {
      return .failure(
        Rejected(
          RequestInput.problem(
            .wrongShape, "the upload is not a well-formed multipart body", path: path,
            hint: "send the Evaluate page's upload form")))
    }
    // A browser sends an empty part when no file was chosen.
    guard let file = parts.firstPart(named: Self.part), file.body.readableBytes > 0 else {
      return .failure(
        Rejected(
          RequestInput.problem(
            .missingKey, "the upload has no file (no part named '\(Self.part)', or an empty one)",
            path: path, hint: "choose a case file (YAML or JSON) to upload")))
    }
    return .success(Array(file.body.readableBytesView))
  }
}
