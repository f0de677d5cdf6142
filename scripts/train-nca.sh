#!/usr/bin/env bash
# Trains the bundled NCA artwork's weights (artworks/nca/models/flower.nca.json and its card) with
# the project's own code: plain Java, hand-written gradients, deterministic for a seed.
#   scripts/train-nca.sh [--seed 7] [--iterations N] [--threads T] [--out FOLDER]
# The bundled file was made by `scripts/train-nca.sh --seed 7` (see artworks/nca/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/jdk.sh"
cd "$root"
cp_file="$root/models/target/nca-classpath.txt"
# Compiles the models module and what it needs; the class path of the last module built (models) wins.
mvn -B -q -o -ntp -pl models -am compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$root/models/target/classes:$(cat "$cp_file")" org.vernissage.models.nca.NcaTraining "$@"
