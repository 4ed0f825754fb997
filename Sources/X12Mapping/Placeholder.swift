// X12Mapping
