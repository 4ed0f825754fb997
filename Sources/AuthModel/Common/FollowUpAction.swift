/// What the sender of a rejected request should do next.
public enum FollowUpAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Please correct and resubmit.
    case correctAndResubmit
    /// Resubmission not allowed.
    case resubmissionNotAllowed
    /// Please resubmit the original transaction.
    case resubmitOriginal
    /// Resubmission allowed.
    case resubmissionAllowed
    /// Do not resubmit; inquiry initiated to a third party.
    case doNotResubmitInquiryInitiated
    /// Please wait 30 days and resubmit.
    case waitThirtyDaysAndResubmit
    /// Please wait 10 days and resubmit.
    case waitTenDaysAndResubmit
    /// Do not resubmit; the request is held and answered again shortly.
    case doNotResubmitWillRespond
}
