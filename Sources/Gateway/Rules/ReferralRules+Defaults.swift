extension ReferralRules {
    /// The text of `config/referral-rules.json` as shipped (a test keeps the two equal).
    static let defaultJSON = #"""
{
  "about": "Referral rules of x12gate (AllCare IPA defaults, see DOMAIN.md). A 278 specialty-care request (UM01 SC, certification type I) that satisfies every rule is certified (HCR A1) for the initial visit plus the follow-up visits of the specialist's specialty, valid validityMonths from the day of issue. One that breaks a rule is cancelled (HCR C) with the rule's reason code; the provider must send an authorization instead.",
  "validityMonths": 12,
  "contractedOnly": true,
  "tertiaryExcluded": true,
  "allowedProcedureCodes": ["99201", "99202", "99203", "99211", "99212", "99213", "99241", "99242", "99243"],
  "lineOfBusinessRules": [
    {
      "linesOfBusiness": ["MEDICARE-ADVANTAGE"],
      "disallowedProcedureCodes": ["99241", "99242", "99243"],
      "explanation": "consultation codes 99241-99243 are not allowed on a Medicare Advantage referral; use new-patient codes 99201-99203"
    }
  ],
  "followUpVisits": {
    "Physical Therapy": 2,
    "Rheumatology": 2,
    "Audiology": 4,
    "Cardiology": 4,
    "Cardiac Surgery": 4,
    "Colon & Rectal Surgery": 4,
    "Dermatology": 4,
    "Gastroenterology": 4,
    "Hand Surgery": 4,
    "Hematology/Oncology": 4,
    "Infectious Disease": 4,
    "Neurology": 4,
    "Neurosurgery": 4,
    "Obstetrics & Gynecology": 4,
    "Ophthalmology": 4,
    "Orthopedics": 4,
    "Otolaryngology (ENT)": 4,
    "Pulmonary Disease": 4,
    "Thoracic & Cardiac Surgery": 4,
    "Urology": 4,
    "Vascular Surgery": 4,
    "Allergy & Immunology": 5,
    "General Surgery": 5,
    "Nephrology": 5,
    "Podiatry": 5,
    "Endocrinology": 10
  },
  "specialtyAliases": {
    "ENT": "Otolaryngology (ENT)",
    "Otolaryngology": "Otolaryngology (ENT)",
    "OB/GYN": "Obstetrics & Gynecology",
    "Hematology Oncology": "Hematology/Oncology",
    "Orthopedic Surgery": "Orthopedics",
    "Pulmonology": "Pulmonary Disease"
  },
  "notes": [
    "Neurology excludes Pain Management, Allergy & Immunology excludes serum, General Surgery excludes bariatric surgery: those specialties and services are not listed, so they need an authorization.",
    "A new diagnosis allows a new referral; a referral still valid for the same member, specialist and diagnosis makes a new one a duplicate.",
    "Specialty names are matched without case, spaces or punctuation ('&' and 'and' are the same)."
  ],
  "reasonCodes": {
    "specialtyNotListed": "14",
    "providerNotOnFile": "14",
    "providerNotContracted": "14",
    "tertiaryProvider": "0C",
    "procedureNotAllowed": "0G",
    "lineOfBusinessRule": "14",
    "duplicateReferral": "0Q"
  }
}
"""#
}
