/// Institutional (UB) codes for an admission: admission type and source, patient status.
public struct InstitutionalInformation: Sendable, Hashable, Codable {
    /// Admission type (`1` emergency, `2` urgent, `3` elective, `4` newborn, `5` trauma).
    public var admissionType: String?
    /// Admission source (NUBC point-of-origin code).
    public var admissionSource: String?
    /// Patient status (NUBC discharge status code).
    public var patientStatus: String?
    /// Nursing home residential status (requests only).
    public var nursingHomeResidentialStatus: String?

    /// Creates institutional information.
    public init(admissionType: String? = nil, admissionSource: String? = nil, patientStatus: String? = nil,
                nursingHomeResidentialStatus: String? = nil) {
        self.admissionType = admissionType
        self.admissionSource = admissionSource
        self.patientStatus = patientStatus
        self.nursingHomeResidentialStatus = nursingHomeResidentialStatus
    }
}
