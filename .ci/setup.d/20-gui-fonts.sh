# The GUI tests render headless (Monocle, software pipeline): JavaFX needs fontconfig and at least
# one font to lay out text. Install DejaVu when no font is found.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
  apt-get install -y -qq fontconfig fonts-dejavu-core >/dev/null || echo "ci: fonts could not be installed; GUI tests may fail to lay out text"
fi
