// Process entry: hands the command line to the app layer and returns its exit code.
#include "app/cli.h"

int main(int argc, char** argv) { return zb::app::run_cli(argc, argv); }
