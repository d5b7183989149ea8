#!/usr/bin/env bash
# Builds and tests motcua on Operaton 1.0.x instead of Camunda 7.24 CE, on a copy of the tree: the
# checkout itself is never changed, and a plain ./mvnw verify stays on Camunda (docs/operaton.md).
#
#   scripts/operaton-build.sh                 copy, migrate, ./mvnw -B verify in the copy
#   scripts/operaton-build.sh -DskipTests package   any Maven arguments instead of "-B verify"
#   OPERATON_MIGRATE_ONLY=1 scripts/operaton-build.sh   copy and migrate, build nothing
#
# The migration applies the rules of Operaton's OpenRewrite recipe (operaton/migrate-from-camunda-recipe
# v1.0.1, MigrateSpringBootApplication) as text rewrites, because the recipe is not served by Maven
# Central: its dependency table (operaton/dependencies.txt), its package renames, its type, method and
# constant renames (operaton/renames.txt) and its Spring property rename camunda.bpm -> operaton.bpm.
# Then what the recipe leaves to the project: the webapps' classpath folder, the admin group's name,
# the health indicator's key (each commented below).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RULES="$ROOT/scripts/operaton"
VERSION="${OPERATON_VERSION:-1.0.3}"
TREE="${OPERATON_TREE:-$ROOT/target/operaton}"

log() { printf '[operaton] %s\n' "$*"; }

log "copying the tree (tracked and untracked files, ignored ones left out) to $TREE"
rm -rf "$TREE"
mkdir -p "$TREE"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf -) | tar -C "$TREE" -xf -
cd "$TREE"

# Not in the recipe: Operaton's webapps are served from META-INF/resources/webjars/operaton, so our
# locales, config.js files and Tasklist plugin must lie beside them there. The application path stays
# /camunda (operaton.bpm.webapp.application-path below), so officers' bookmarks, the reverse proxy's
# rules and our security rules keep working; docs/operaton.md says how to move to /operaton.
if [ -d src/main/resources/META-INF/resources/webjars/camunda ]; then
  mv src/main/resources/META-INF/resources/webjars/camunda src/main/resources/META-INF/resources/webjars/operaton
fi
log "pom.xml: Camunda artifacts -> Operaton $VERSION (recipe: ReplaceCamundaDependencies)"
perl -0pi -e '
  BEGIN {
    local $/ = "\n";
    open my $in, "<", "'"$RULES"'/dependencies.txt" or die;
    while (<$in>) { next if /^#/; my ($old, $new) = split; $dep{$old} = $new; }
  }
  s{<groupId>org\.camunda[\w.]*</groupId>(\s*)<artifactId>([\w-]+)</artifactId>}{
    my ($ws, $a) = ($1, $2);
    die "no Operaton artifact for $a\n" unless $dep{$a};
    my ($g, $na) = split /:/, $dep{$a};
    "<groupId>$g</groupId>$ws<artifactId>$na</artifactId>"
  }ge;
  s{<camunda\.version>[^<]*</camunda\.version>}{<operaton.version>'"$VERSION"'</operaton.version>};
  s{\$\{camunda\.version\}}{\${operaton.version}}g;
' pom.xml
# The recipe also adds operaton-engine's junit5 artifact for JUnit 5 tests (AddDependency): in 1.0.x the
# ProcessEngineExtension and @Deployment live there, and operaton-bpm-junit5 holds only helper extensions.
perl -0pi -e 's{<artifactId>operaton-bpm-junit5</artifactId>}{<artifactId>operaton-engine</artifactId>\n      <classifier>junit5</classifier>}' pom.xml
grep -q 'org.camunda' pom.xml && { log "pom.xml still names org.camunda"; exit 1; }

# Every text file the build reads: sources, resources, test resources, models, forms.
mapfile -d '' FILES < <(find src processes forms -type f \
  \( -name '*.java' -o -name '*.xml' -o -name '*.yaml' -o -name '*.yml' -o -name '*.properties' \
     -o -name '*.js' -o -name '*.json' -o -name '*.html' -o -name '*.sql' -o -name '*.bpmn' \
     -o -name '*.dmn' -o -name '*.form' -o -name '*.factories' -o -name '*.imports' \) \
  -not -path '*/node_modules/*' -print0)

# Not in the recipe: Camunda 7.24 ships the EL API inside its JUEL (org.camunda.bpm.impl.juel.jakarta.el);
# Operaton's JUEL uses the standard Jakarta EL API (jakarta.el, a dependency of operaton-juel).
perl -pi -e 's/\borg\.camunda\.bpm\.impl\.juel\.jakarta\.el\./jakarta.el./g' "${FILES[@]}"

log "Java packages org.camunda.{bpm,spin,commons,connect} -> org.operaton.* (recipe: ChangePackage)"
perl -pi -e 's/\borg\.camunda\.(bpm|spin|commons|connect)\b/org.operaton.$1/g' "${FILES[@]}"

log "types that move to another package or name (recipe: ChangeType, by qualified name, once the packages are renamed)"
perl -pi -e '
  BEGIN {
    open my $in, "<", "'"$RULES"'/types.txt" or die;
    while (<$in>) { next if /^#/; my ($old, $new) = split; $old =~ s/^org\.camunda\./org.operaton./; $type{$old} = $new; }
    $re = join "|", map { quotemeta } sort { length $b <=> length $a } keys %type;
  }
  s/\b($re)\b/$type{$1}/g;
' "${FILES[@]}"
log "types, methods and constants named after Camunda (recipe: ChangeType, ChangeMethod, ChangeConstant)"
mapfile -d '' JAVA < <(find src -name '*.java' -print0)
perl -pi -e '
  BEGIN {
    open my $in, "<", "'"$RULES"'/renames.txt" or die;
    while (<$in>) { next if /^#/; my ($old, $new) = split; $ren{$old} = $new; }
    $re = join "|", map { quotemeta } sort { length $b <=> length $a } keys %ren;
  }
  s/\b($re)\b/$ren{$1}/g;
' "${JAVA[@]}"

log "Spring properties camunda.bpm.* -> operaton.bpm.* (recipe: ChangeSpringPropertyKey)"
# The YAML documents have a top-level camunda: key; Java and tests name the keys in full.
perl -pi -e 's/^camunda:/operaton:/' src/main/resources/application*.yaml src/test/resources/*.yaml 2>/dev/null || true
perl -pi -e 's/\bcamunda\.bpm\./operaton.bpm./g' "${FILES[@]}"
# Not in the recipe: the actuator's health indicator is management.health.operaton.
perl -0pi -e 's/(\n  health:\n(?:    .*\n|\s*#.*\n)*?)    camunda:/$1    operaton:/' src/main/resources/application.yaml
perl -pi -e 's/\bmanagement\.health\.camunda\b/management.health.operaton/g' "${FILES[@]}"

log "webapp paths: customisations -> webjars/operaton; application path kept at /camunda"
perl -pi -e 's{webjars/camunda/}{webjars/operaton/}g' "${FILES[@]}"
perl -0pi -e 's/^operaton:\n  bpm:\n/operaton:\n  bpm:\n    webapp:\n      application-path: \/camunda\n/m' src/main/resources/application.yaml

# Not in the recipe: Camunda 7.24's webapps show an end-of-life banner, which our locales blank
# (BANNER_CE_EOL_TEXT, and WebappLocalesTest checks it); Operaton's webapps have no such label.
log "webapp locales: Camunda's end-of-life banner label dropped"
perl -ni -e 'print unless /^\s*"BANNER_CE_EOL_TEXT": "",$/' src/main/resources/META-INF/resources/webjars/operaton/app/*/locales/vi.json
perl -ni -e 'print unless /BANNER_CE_EOL_TEXT/' src/test/java/vn/motcua/worklist/WebappLocalesTest.java

# Not in the recipe: Operaton's Tasklist renders a Camunda Form in the directive cam-tasklist-form-operaton
# (Camunda's: cam-tasklist-form-camunda); our browser tests find the form by it.
perl -pi -e 's/\bcam-tasklist-form-camunda\b/cam-tasklist-form-operaton/g' "${FILES[@]}"

# Not in the recipe: the engine's and webapps' administrators are the group operaton-admin
# (Groups.OPERATON_ADMIN); docs/operaton.md has the SQL that renames an agency's camunda-admin group.
log "administrators' group camunda-admin -> operaton-admin"
perl -pi -e 's/\bcamunda-admin\b/operaton-admin/g' "${FILES[@]}"

if grep -rlE '\borg\.camunda\.(bpm|spin|commons|connect)\b' src processes forms >/dev/null; then
  log "files still naming Camunda packages:"; grep -rlE '\borg\.camunda\.(bpm|spin|commons|connect)\b' src processes forms; exit 1
fi

if [ -n "${OPERATON_MIGRATE_ONLY:-}" ]; then
  log "migrated tree in $TREE"; exit 0
fi
if [ $# -eq 0 ]; then set -- -B verify; fi
log "./mvnw $* (in $TREE)"
exec ./mvnw "$@"
