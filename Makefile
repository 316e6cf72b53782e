# The targets are thin names for scripts/dev.sh, which also works where make
# is not installed yet.
.PHONY: run test build bench release deps pdf-previews screenshots
run:
	scripts/dev.sh run
test:
	scripts/dev.sh test
build:
	scripts/dev.sh build
bench:
	scripts/dev.sh bench
release:
	scripts/dev.sh release
deps:
	scripts/dev.sh deps test
pdf-previews:
	scripts/pdf-previews.sh
screenshots:
	scripts/screenshots.sh
