import Foundation

/// A fixed number of slots that workers fill at distinct indices (one window of a batch), read
/// in order once every worker is done.
final class BatchSlots<Item: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [Item?]

  init(count: Int) { items = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ item: Item) {
    lock.lock()
    items[index] = item
    lock.unlock()
  }

  /// The filled slots, in order.
  var values: [Item] {
    lock.lock()
    defer { lock.unlock() }
    return items.compactMap { $0 }
  }
}
