/// The organization that decides a services review: the IPA or medical group a plan delegated the member
/// to, or the plan itself. It has the same shape as a ``Payer``; its ``Payer/role`` is
/// ``EntityRole/utilizationManagementOrganization``, ``EntityRole/payer``,
/// ``EntityRole/thirdPartyAdministrator`` or ``EntityRole/employer``.
///
/// ```swift
/// let umo = UtilizationManagementOrganization.umo(name: "ALLCARE IPA", identifier: .init(.payerId, "AC001"))
/// ```
public typealias UtilizationManagementOrganization = Payer

extension Payer {
    /// A utilization management organization with this name and identifier.
    public static func umo(name: String, identifier: PartyIdentifier? = nil) -> Payer {
        Payer(role: .utilizationManagementOrganization, name: name, identifier: identifier)
    }
}
