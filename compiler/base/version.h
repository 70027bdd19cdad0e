/* version.h - the compiler's version, shown by --version and in outputs. */
#ifndef CHARTER_VERSION_H
#define CHARTER_VERSION_H
#define CHARTER_VERSION "0.1.0"
#endif
