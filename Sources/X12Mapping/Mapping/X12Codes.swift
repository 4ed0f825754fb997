import AuthModel

/// The X12 code lists of 005010X279A1 (270/271) and 005010X217 (278) that the model names.
enum X12Codes {
    static let purpose = CodeTable<TransactionPurpose>("transaction purpose (BHT02)", [
        "13": .request, "01": .cancellation, "36": .authorityToDeduct, "11": .response, "06": .confirmation,
    ])
    static let entityRole = CodeTable<EntityRole>("entity identifier (NM101)", [
        "PR": .payer, "X3": .utilizationManagementOrganization, "2B": .thirdPartyAdministrator, "36": .employer,
        "GP": .gatewayProvider, "P5": .planSponsor, "PRP": .primaryPayer, "SEP": .secondaryPayer,
        "TTP": .tertiaryPayer, "P4": .priorInsuranceCarrier, "OC": .originCarrier,
        "1I": .preferredProviderOrganization, "I3": .independentPhysiciansAssociation,
        "Y2": .managedCareOrganization, "VER": .verifier, "VN": .vendor, "VY": .configurationChangeOrganization,
        "IL": .insured, "LR": .legalRepresentative, "13": .contractedServiceProvider,
        "1P": .provider, "80": .hospital, "FA": .facility, "71": .attendingPhysician, "72": .operatingPhysician,
        "73": .otherPhysician, "77": .serviceLocation, "AAJ": .admittingServices, "DD": .assistantSurgeon,
        "DK": .orderingPhysician, "DN": .referringProvider, "G3": .clinic, "P3": .primaryCareProvider,
        "QB": .purchaseServiceProvider, "QV": .groupPractice, "SJ": .serviceProvider, "1T": .physicianClinicOrGroup,
        "DQ": .supervisingPhysician, "L5": .documentationContact,
    ])
    static let entityType = CodeTable<EntityType>("entity type (NM102)", ["1": .person, "2": .organization])
    static let identifier = CodeTable<PartyIdentifier.Kind>("identification code qualifier (NM108)", [
        "XX": .npi, "24": .employerId, "34": .ssn, "46": .etin, "FI": .federalTaxId, "NI": .naicId, "PI": .payerId,
        "XV": .cmsPlanId, "MI": .memberId, "II": .uniqueHealthId, "PP": .pharmacyProcessorNumber,
        "SV": .serviceProviderNumber, "FA": .facilityId,
    ])
    static let contact = CodeTable<ContactMethod.Kind>("communication number qualifier (PER)", [
        "TE": .phone, "EX": .phoneExtension, "FX": .fax, "EM": .email, "UR": .url, "ED": .edi, "WP": .workPhone,
    ])
    static let providerFunction = CodeTable<ProviderFunction>("provider code (PRV01)", [
        "AD": .admitting, "AS": .assistantSurgeon, "AT": .attending, "BI": .billing, "CO": .consulting,
        "CV": .covering, "H": .hospital, "HH": .homeHealthCare, "LA": .laboratory, "OP": .operating,
        "OR": .ordering, "OT": .other, "P1": .pharmacist, "P2": .pharmacy, "PC": .primaryCare, "PE": .performing,
        "R": .ruralHealthClinic, "RF": .referring, "SB": .submitting, "SK": .skilledNursingFacility,
        "SU": .supervising,
    ])
    static let gender = CodeTable<Gender>("gender (DMG03)", ["F": .female, "M": .male, "U": .unknown])
    static let relationship = CodeTable<Relationship>("relationship (INS02)", [
        "18": .self, "01": .spouse, "19": .child, "20": .employee, "21": .unknown, "39": .organDonor,
        "40": .cadaverDonor, "53": .lifePartner, "34": .otherAdult, "G8": .other,
    ])
    static let followUp = CodeTable<FollowUpAction>("follow-up action (AAA04)", [
        "C": .correctAndResubmit, "N": .resubmissionNotAllowed, "P": .resubmitOriginal, "R": .resubmissionAllowed,
        "S": .doNotResubmitInquiryInitiated, "W": .waitThirtyDaysAndResubmit, "X": .waitTenDaysAndResubmit,
        "Y": .doNotResubmitWillRespond,
    ])
    static let procedureSystem = CodeTable<Procedure.CodeSystem>("product/service ID qualifier", [
        "HC": .hcpcs, "CJ": .cpt, "AD": .ada, "ID": .icd9Procedure, "IV": .hiec, "N4": .ndc, "WK": .abc,
        "ZZ": .mutuallyDefined,
    ])
    static let requestKind = CodeTable<RequestKind>("request category (UM01)", [
        "AR": .admissionReview, "HS": .healthServicesReview, "SC": .specialtyReferral, "IN": .individual,
    ])
    static let certificationType = CodeTable<CertificationType>("certification type (UM02)", [
        "I": .initial, "R": .renewal, "S": .revised, "4": .extension, "3": .cancel, "1": .appealImmediate,
        "2": .appealStandard, "N": .reconsideration,
    ])
    static let levelOfService = CodeTable<LevelOfService>("level of service (UM06)", [
        "03": .emergency, "E": .elective, "U": .urgent,
    ])
    static let locationKind = CodeTable<ServiceLocation.Kind>("facility code qualifier (UM04-2)", [
        "B": .placeOfService, "A": .billType,
    ])
    static let action = CodeTable<DecisionAction>("action code (HCR01)", [
        "A1": .certifiedInTotal, "A2": .certifiedPartially, "A3": .notCertified, "A4": .pended, "A6": .modified,
        "C": .cancelled, "CT": .contactPayer, "NA": .noActionRequired,
    ])
    static let responseStatus = CodeTable<ResponseStatus>("transaction type (BHT06)", [
        "18": .final, "19": .updatesToFollow, "RU": .servicesReservation,
    ])
    static let transmission = CodeTable<Attachment.Transmission>("report transmission (PWK02)", [
        "AA": .availableOnRequest, "BM": .mail, "EL": .electronic, "EM": .email, "FX": .fax, "VO": .voice,
    ])
    static let deliveryQuantity = CodeTable<ServiceDelivery.QuantityKind>("quantity qualifier (HSD01)", [
        "DY": .days, "FL": .units, "HS": .hours, "MN": .months, "VS": .visits,
    ])
    static let deliveryUnit = CodeTable<ServiceDelivery.Unit>("unit (HSD03)", [
        "DA": .days, "MO": .months, "VS": .visits, "WK": .weeks, "YR": .years,
    ])
    static let timePeriod = CodeTable<TimePeriod>("time period qualifier", [
        "6": .hour, "7": .day, "13": .twentyFourHours, "21": .years, "22": .serviceYear, "23": .calendarYear,
        "24": .yearToDate, "25": .contract, "26": .episode, "27": .visit, "28": .outlier, "29": .remaining,
        "30": .exceeded, "31": .notExceeded, "32": .lifetime, "33": .lifetimeRemaining, "34": .month, "35": .week,
        "36": .admission,
    ])
    static let serviceUnit = CodeTable<ServiceLine.Unit>("unit (SV1/SV2)", ["UN": .units, "MJ": .minutes, "DA": .days])
    static let benefitKind = CodeTable<BenefitKind>("eligibility or benefit information (EB01)", [
        "1": .activeCoverage, "2": .activeFullRiskCapitation, "3": .activeServicesCapitated,
        "4": .activeServicesCapitatedToPrimaryCarePhysician, "5": .activePendingInvestigation, "6": .inactive,
        "7": .inactivePendingEligibilityUpdate, "8": .inactivePendingInvestigation, "A": .coInsurance,
        "B": .coPayment, "C": .deductible, "CB": .coverageBasis, "D": .benefitDescription, "E": .exclusions,
        "F": .limitations, "G": .outOfPocket, "H": .unlimited, "I": .nonCovered, "J": .costContainment,
        "K": .reserve, "L": .primaryCareProvider, "M": .preExistingCondition, "MC": .managedCareCoordinator,
        "N": .servicesRestrictedToFollowingProvider, "O": .notDeemedMedicalNecessity, "P": .benefitDisclaimer,
        "Q": .secondSurgicalOpinionRequired, "R": .otherOrAdditionalPayer, "S": .priorYearsHistory,
        "T": .cardsReportedLostStolen, "U": .contactFollowingEntity, "V": .cannotProcess, "W": .otherSourceOfData,
        "X": .healthCareFacility, "Y": .spendDown,
    ])
    static let coverageLevel = CodeTable<CoverageLevel>("coverage level (EB02)", [
        "CHD": .childrenOnly, "DEP": .dependentsOnly, "ECH": .employeeAndChildren, "EMP": .employeeOnly,
        "ESP": .employeeAndSpouse, "FAM": .family, "IND": .individual, "SPC": .spouseAndChildren, "SPO": .spouseOnly,
    ])
    static let benefitQuantity = CodeTable<BenefitQuantityKind>("quantity qualifier (EB09)", [
        "8H": .minimum, "99": .quantityUsed, "CA": .coveredActual, "CE": .coveredEstimated, "D3": .coInsuranceDays,
        "DB": .deductibleBloodUnits, "DY": .days, "HS": .hours, "LA": .lifetimeReserveActual,
        "LE": .lifetimeReserveEstimated, "M2": .maximum, "MN": .months, "P6": .servicesOrProcedures,
        "QA": .quantityApproved, "S7": .ageHigh, "S8": .ageLow, "VS": .visits, "YY": .years,
    ])
    static let network = CodeTable<NetworkIndicator>("in plan network (EB12)", [
        "Y": .inNetwork, "N": .outOfNetwork, "U": .unknown, "W": .notApplicable,
    ])
    static let yesNoUnknown = CodeTable<YesNoUnknown>("yes/no/unknown", ["Y": .yes, "N": .no, "U": .unknown])
    static let benefitNote = CodeTable<BenefitNote.Kind>("code list qualifier (III01)", [
        "ZZ": .placeOfService, "NI": .natureOfInjury, "GR": .ncciNatureOfInjury,
    ])
    static let eligibilityDate = CodeTable<EligibilityDate.Kind>("date qualifier (DTP01)", [
        "096": .discharge, "102": .issue, "152": .effectiveDateOfChange, "193": .periodStart, "194": .periodEnd,
        "198": .completion, "290": .coordinationOfBenefits, "291": .plan, "292": .benefit,
        "295": .primaryCareProvider, "304": .latestVisitOrConsultation, "307": .eligibility, "318": .added,
        "340": .cobraBegin, "341": .cobraEnd, "342": .premiumPaidToDateBegin, "343": .premiumPaidToDateEnd,
        "346": .planBegin, "347": .planEnd, "348": .benefitBegin, "349": .benefitEnd, "356": .eligibilityBegin,
        "357": .eligibilityEnd, "382": .enrollment, "435": .admission, "442": .dateOfDeath, "458": .certification,
        "472": .service, "539": .policyEffective, "540": .policyExpiration, "636": .lastUpdate, "771": .status,
    ])

    /// HI qualifier → code system and role.
    static func diagnosis(_ q: String, _ segment: String, _ position: Int) throws(MappingError) -> (Diagnosis.CodeSystem, Diagnosis.Role) {
        switch q {
        case "ABK": return (.icd10cm, .principal)
        case "ABF": return (.icd10cm, .other)
        case "ABJ": return (.icd10cm, .admitting)
        case "APR": return (.icd10cm, .reasonForVisit)
        case "BK": return (.icd9cm, .principal)
        case "BF": return (.icd9cm, .other)
        case "BJ": return (.icd9cm, .admitting)
        case "PR": return (.icd9cm, .reasonForVisit)
        case "DR": return (.drg, .other)
        case "LOI": return (.loinc, .other)
        default: throw .unknownCode(segment: segment, position: position, code: q, list: "diagnosis type (HI)")
        }
    }

    /// Code system and role → HI qualifier.
    static func diagnosisQualifier(_ d: Diagnosis) -> String {
        switch (d.codeSystem, d.role) {
        case (.icd10cm, .principal): return "ABK"
        case (.icd10cm, .other): return "ABF"
        case (.icd10cm, .admitting): return "ABJ"
        case (.icd10cm, .reasonForVisit): return "APR"
        case (.icd9cm, .principal): return "BK"
        case (.icd9cm, .other): return "BF"
        case (.icd9cm, .admitting): return "BJ"
        case (.icd9cm, .reasonForVisit): return "PR"
        case (.drg, _): return "DR"
        case (.loinc, _): return "LOI"
        }
    }
}
