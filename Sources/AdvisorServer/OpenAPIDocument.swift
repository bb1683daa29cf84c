/// The OpenAPI 3.1 document served at `/openapi.json`: the JSON API and the CDS Hooks service.
/// Written by hand; a test checks that its paths and methods are exactly the routes the server
/// answers (`Routes.api`).
enum OpenAPIDocument {
  static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "ipt-advisor",
        "version": "1",
        "description": "Rule-based decision support for Interpersonal Psychotherapy training and supervision, not a diagnosis. Every response comes from the pack the server loaded; no request can name a file."
      },
      "components": {
        "securitySchemes": {
          "bearer": {"type": "http", "scheme": "bearer", "description": "Needed when the server was started with --token (always when it binds an address other than loopback)."}
        },
        "schemas": {
          "Diagnostics": {
            "type": "object",
            "required": ["diagnostics"],
            "properties": {
              "diagnostics": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["severity", "code", "message", "file", "line", "column", "notes"],
                  "properties": {
                    "severity": {"type": "string", "enum": ["error", "warning", "note"]},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "file": {"type": "string"},
                    "line": {"type": "integer"},
                    "column": {"type": "integer"},
                    "hint": {"type": "string"},
                    "notes": {"type": "array", "items": {"type": "object"}}
                  }
                }
              }
            }
          },
          "Evaluation": {"type": "object", "description": "The report of 'ipt evaluate --format json' (schema ipt-advisor/evaluation/1, docs/output.md).", "required": ["schema", "pack", "case", "alerts", "outputs"], "properties": {"schema": {"const": "ipt-advisor/evaluation/1"}}},
          "Check": {"type": "object", "description": "The report of 'ipt check --format json' (docs/check.md).", "required": ["schema"]},
          "Pack": {"type": "object", "description": "The loaded pack (schema ipt-advisor/pack/1).", "required": ["schema", "pack", "findings", "outputs", "alerts", "rules"], "properties": {"schema": {"const": "ipt-advisor/pack/1"}}},
          "Case": {
            "type": "object",
            "description": "A case file as JSON (docs/pack-format.md). Which findings exist, with their types, ranges and values, is the loaded pack's vocabulary (GET /v1/pack; 'ipt schema case' prints it as a JSON Schema): a case that names an unknown finding or gives a wrong value is answered 400 with located diagnostics. Text members are YAML scalars, so a number is read as its text; null is the same as leaving a member out.",
            "required": ["case"],
            "additionalProperties": false,
            "properties": {
              "case": {"description": "The case id.", "type": ["string", "number", "boolean"]},
              "date": {"description": "YYYY, YYYY-MM or YYYY-MM-DD.", "anyOf": [{"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}, {"type": "integer", "minimum": 1000, "maximum": 9999}, {"type": "null"}]},
              "assessor": {"type": ["string", "number", "boolean", "null"]},
              "source": {"type": ["string", "number", "boolean", "null"]},
              "notes": {"type": ["string", "number", "boolean", "null"]},
              "findings": {"description": "Finding name to value, as the pack's vocabulary defines them.", "type": ["object", "null"]},
              "course": {"description": "The course of therapy: course finding name to value (docs/course.md).", "type": ["object", "null"]}
            }
          },
          "CheckRequest": {
            "type": "object",
            "required": ["case", "formulation"],
            "properties": {
              "case": {"description": "The case file's text (YAML or JSON), or the case as a JSON object.", "oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Case"}]},
              "formulation": {"description": "The formulation file's text (YAML or JSON), or a JSON object; its 'formulation' names the case id, and its outputs and values are the pack's ('ipt schema formulation').", "oneOf": [{"type": "string"}, {"type": "object"}]}
            }
          },
          "CDSRequest": {
            "type": "object",
            "required": ["hook", "hookInstance", "context"],
            "properties": {
              "hook": {"const": "patient-view"},
              "hookInstance": {"type": "string"},
              "context": {"type": "object"},
              "prefetch": {
                "description": "'iptCase': a case in the product's format; or 'phq9': a FHIR R4 QuestionnaireResponse for the PHQ-9 (LOINC 44249-1) or a search Bundle holding one. Without either the answer is 412.",
                "type": ["object", "null"],
                "properties": {
                  "iptCase": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Case"}]},
                  "phq9": {"type": ["object", "null"]}
                }
              }
            }
          },
          "Cards": {
            "type": "object",
            "required": ["cards"],
            "properties": {
              "cards": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["summary", "indicator", "source"],
                  "properties": {
                    "summary": {"type": "string", "maxLength": 139},
                    "indicator": {"type": "string", "enum": ["info", "warning", "critical"]},
                    "detail": {"type": "string"},
                    "source": {"type": "object", "required": ["label"], "properties": {"label": {"type": "string"}}}
                  }
                }
              }
            }
          }
        },
        "responses": {
          "BadRequest": {"description": "Malformed or invalid input, with the diagnostics the command-line tool prints.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
          "TooLarge": {"description": "The body is over the size limit (default 1 MiB).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
          "Unrecorded": {"description": "With --audit: the audit store refused the record of this evaluation or check (audit-unwritable); no report is sent.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
          "TimedOut": {"description": "The request took longer than --request-timeout (timed-out).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
          "Unauthorized": {"description": "A token is set and the request does not carry it.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}}
        }
      },
      "security": [{}, {"bearer": []}],
      "paths": {
        "/v1/evaluate": {
          "post": {
            "summary": "Evaluate a case",
            "operationId": "evaluate",
            "requestBody": {
              "required": true,
              "description": "A case file, YAML or JSON (the same mapping either way). The body is read as text whatever its Content-Type.",
              "content": {
                "application/yaml": {"schema": {"$ref": "#/components/schemas/Case"}, "example": {"case": "example-critical", "findings": {"phq9": 22, "phq9_item9": 3, "suicidality": "plan"}}},
                "application/json": {"schema": {"$ref": "#/components/schemas/Case"}, "example": {"case": "example-critical", "findings": {"phq9": 22, "phq9_item9": 3, "suicidality": "plan"}}}
              }
            },
            "responses": {
              "200": {"description": "The evaluation.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Evaluation"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "500": {"$ref": "#/components/responses/Unrecorded"},
              "503": {"$ref": "#/components/responses/TimedOut"}
            }
          }
        },
        "/v1/check": {
          "post": {
            "summary": "Check a trainee's formulation against the engine",
            "operationId": "check",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}, "example": {"case": {"case": "example-grief", "findings": {"phq9": 14, "phq9_item9": 0, "suicidality": "none"}}, "formulation": {"formulation": "example-grief", "by": "trainee-1", "focus": ["grief"]}}}}},
            "responses": {
              "200": {"description": "The check.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Check"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "500": {"$ref": "#/components/responses/Unrecorded"},
              "503": {"$ref": "#/components/responses/TimedOut"}
            }
          }
        },
        "/v1/pack": {
          "get": {
            "summary": "The loaded pack: vocabulary, outputs, alerts and rules",
            "operationId": "pack",
            "responses": {
              "200": {"description": "The pack.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pack"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "summary": "This document",
            "operationId": "openapi",
            "responses": {"200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}
          }
        },
        "/cds-services": {
          "get": {
            "summary": "CDS Hooks discovery",
            "operationId": "cdsDiscovery",
            "responses": {"200": {"description": "The services.", "content": {"application/json": {"schema": {"type": "object", "required": ["services"]}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}}
          }
        },
        "/cds-services/ipt-advisor": {
          "post": {
            "summary": "CDS Hooks service ipt-advisor (hook patient-view)",
            "operationId": "cdsService",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CDSRequest"}, "example": {"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "context": {"userId": "Practitioner/example", "patientId": "example"}, "prefetch": {"iptCase": {"case": "example-critical", "findings": {"phq9": 22, "phq9_item9": 3, "suicidality": "plan"}}}}}}},
            "responses": {
              "200": {"description": "Cards: one per alert, most severe first, then the proposed formulation.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Cards"}}}},
              "400": {"$ref": "#/components/responses/BadRequest"},
              "401": {"$ref": "#/components/responses/Unauthorized"},
              "412": {"description": "The prefetch holds no case and no PHQ-9 response.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Diagnostics"}}}},
              "413": {"$ref": "#/components/responses/TooLarge"},
              "500": {"$ref": "#/components/responses/Unrecorded"},
              "503": {"$ref": "#/components/responses/TimedOut"}
            }
          }
        }
      }
    }
    """#
}
