import Testing

@Suite struct AuditChainTests {}
