// The system libyaml (Debian: libyaml-dev; pkg-config: yaml-0.1), read by RuleSyntax's YAML reader.
#include <yaml.h>
