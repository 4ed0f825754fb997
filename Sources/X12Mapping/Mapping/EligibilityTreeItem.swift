import AuthModel
import X12

/// One inquiry or response as ``EligibilityWriter/tree(_:to:loops:)`` sees it: its parties, tested, compared and written
/// in place through a pointer into the list (a method call on a list element would copy the whole value first).
protocol EligibilityTreeItem {
    /// The same information source and source rejections as `other`: one 2000A loop.
    static func sameSource(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool
    /// Whether a receiver (2000B) is there.
    static func hasReceiver(_ a: UnsafePointer<Self>) -> Bool
    /// The same receiver in both (the second has one): one 2000B loop.
    static func sameReceiver(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool
    /// Whether a subscriber (2000C) is there.
    static func hasSubscriber(_ a: UnsafePointer<Self>) -> Bool
    /// The same subscriber in both (the second has one).
    static func sameSubscriber(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool
    /// Whether a dependent (2000D) is there.
    static func hasDependent(_ a: UnsafePointer<Self>) -> Bool
    /// The AAA segments and name loop of the information source.
    static func writeSource<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S)
    /// The name loop of the receiver (there is one).
    static func writeReceiver<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S)
    /// TRN and the name loop of the subscriber (there is one).
    static func writeSubscriber<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S)
    /// TRN and the name loop of the dependent (there is one).
    static func writeDependent<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S)
}

extension EligibilityInquiry: EligibilityTreeItem {
    static func sameSource(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool {
        a.pointee.informationSource == b.pointee.informationSource
    }
    static func hasReceiver(_ a: UnsafePointer<Self>) -> Bool { true }
    static func sameReceiver(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool { a.pointee.provider == b.pointee.provider }
    static func hasSubscriber(_ a: UnsafePointer<Self>) -> Bool { true }
    static func sameSubscriber(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool {
        a.pointee.subscriber == b.pointee.subscriber
    }
    static func hasDependent(_ a: UnsafePointer<Self>) -> Bool { a.wrapped(\.dependent) != nil }
    static func writeSource<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        PartyLoop.write(a.pointee.informationSource, to: &out)
    }
    static func writeReceiver<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        PartyLoop.write(a.field(\.provider), to: &out)
    }
    static func writeSubscriber<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        EligibilityWriter.member(a.field(\.subscriber), entityCode: "IL", indicator: "Y", to: &out)
    }
    static func writeDependent<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        EligibilityWriter.member(a.wrapped(\.dependent)!, entityCode: "03", indicator: "N", to: &out)
    }
}

extension EligibilityResponse: EligibilityTreeItem {
    static func sameSource(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool {
        a.pointee.informationSource == b.pointee.informationSource && a.pointee.rejections == b.pointee.rejections
    }
    static func hasReceiver(_ a: UnsafePointer<Self>) -> Bool { a.wrapped(\.provider) != nil }
    static func sameReceiver(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool { a.pointee.provider == b.pointee.provider }
    static func hasSubscriber(_ a: UnsafePointer<Self>) -> Bool { a.wrapped(\.subscriber) != nil }
    static func sameSubscriber(_ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>) -> Bool {
        a.pointee.subscriber == b.pointee.subscriber
    }
    static func hasDependent(_ a: UnsafePointer<Self>) -> Bool { a.wrapped(\.dependent) != nil }
    static func writeSource<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        for r in a.pointee.rejections { CommonSegments.aaa(r, to: &out) }
        PartyLoop.write(a.pointee.informationSource, to: &out)
    }
    static func writeReceiver<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        PartyLoop.write(a.wrapped(\.provider)!, to: &out)
    }
    static func writeSubscriber<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        EligibilityWriter.member(a.wrapped(\.subscriber)!, entityCode: "IL", indicator: "Y", to: &out)
    }
    static func writeDependent<S: SegmentSink>(_ a: UnsafePointer<Self>, to out: inout S) {
        EligibilityWriter.member(a.wrapped(\.dependent)!, entityCode: "03", indicator: "N", to: &out)
    }
}
