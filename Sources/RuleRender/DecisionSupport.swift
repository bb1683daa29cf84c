import RuleEngine

/// The statement every human-readable report carries.
public let decisionSupportStatement =
  "Decision support for training and supervision, not a diagnosis: a proposed formulation to discuss and agree with the patient."
