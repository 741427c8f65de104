/* Checks lui and auipc. */
/* A fixed file name keeps the temporary name of the preprocessed source out of the symbol table. */
  .file "upper.S"
#include "selfcheck.h"

CHECK_BEGIN

  lui a5, 0
  CHECK a5, 0, "lui 0"
  lui a5, 1
  CHECK a5, 0x1000, "lui 1"
  lui a5, 0xfffff
  CHECK a5, 0xfffff000, "lui 0xfffff"
  lui a5, 0x80000
  CHECK a5, 0x80000000, "lui 0x80000"
  lui a5, 0x12345
  addi a5, a5, 0x678
  CHECK a5, 0x12345678, "lui 0x12345 then addi 0x678"
  lui a5, 0x12345
  addi a5, a5, -1
  CHECK a5, 0x12344fff, "lui 0x12345 then addi -1"

  /* auipc adds the immediate to the address of the auipc itself. */
here:
  auipc a5, 0
  la a4, here
  sub a5, a5, a4
  CHECK a5, 0, "auipc 0 is its own address"
there:
  auipc a5, 0x10
  la a4, there
  sub a5, a5, a4
  CHECK a5, 0x10000, "auipc 0x10"
back:
  auipc a5, 0xfffff
  la a4, back
  sub a5, a5, a4
  CHECK a5, 0xfffff000, "auipc 0xfffff wraps below the pc"

CHECK_END upper
