/*
 * Assembler macros and routines for the self-checking RV32 test programs.
 *
 * A program opens with CHECK_BEGIN, runs checks, and ends with CHECK_END. A failed check
 * prints "FAIL <description>"; the end prints "<name>: <n> checks passed" and exits with 0,
 * or "<name>: <f> of <n> checks failed" and exits with 1. The programs use the Linux system
 * calls write (64) and exit (93).
 *
 * Register use: s0 counts failed checks, s1 counts checks; the macros overwrite t6, a0-a2, a7
 * and ra. Checks take their operands in a3 and a4 and the result in a5.
 */

#define SYS_WRITE 64
#define SYS_EXIT 93

.macro CHECK_BEGIN
  .text
  .globl _start
_start:
  /* The linker relaxes accesses near __global_pointer$ into gp-relative ones. */
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  li s0, 0
  li s1, 0
.endm

/* Compares register \reg with the constant \expected; on a mismatch prints \description. */
.macro CHECK reg, expected, description
  addi s1, s1, 1
  li t6, \expected
  beq \reg, t6, 1f
  la a1, 2f
  jal ra, check_failed
  .pushsection .rodata
2: .asciz "FAIL \description\n"
  .popsection
1:
.endm

/* Checks `\inst a5, a3, a4` with a3 = \a and a4 = \b. */
.macro TEST_RR inst, expected, a, b
  li a3, \a
  li a4, \b
  \inst a5, a3, a4
  CHECK a5, \expected, "\inst \a, \b"
.endm

/* Checks `\inst a5, a3, \imm` with a3 = \a. */
.macro TEST_RI inst, expected, a, imm
  li a3, \a
  \inst a5, a3, \imm
  CHECK a5, \expected, "\inst \a, \imm"
.endm

/* Checks that the branch `\inst a3, a4` with a3 = \a and a4 = \b is taken (\taken = 1) or not. */
.macro TEST_BRANCH inst, taken, a, b
  li a3, \a
  li a4, \b
  li a5, 1
  \inst a3, a4, 1f
  li a5, 0
1:
  CHECK a5, \taken, "\inst \a, \b taken"
.endm

.macro CHECK_END name
  mv a0, s1
  la a1, 3f
  bnez s0, 4f
  jal ra, print_string
  mv a0, s1
  jal ra, print_unsigned
  la a1, 5f
  jal ra, print_string
  li a0, 0
  li a7, SYS_EXIT
  ecall
4:
  jal ra, print_string
  mv a0, s0
  jal ra, print_unsigned
  la a1, 6f
  jal ra, print_string
  mv a0, s1
  jal ra, print_unsigned
  la a1, 7f
  jal ra, print_string
  li a0, 1
  li a7, SYS_EXIT
  ecall
  .pushsection .rodata
3: .asciz "\name: "
5: .asciz " checks passed\n"
6: .asciz " of "
7: .asciz " checks failed\n"
  .popsection
.endm

  .text
/* Prints the string at a1 (NUL-terminated) and counts a failed check. */
check_failed:
  addi s0, s0, 1
/* Prints the NUL-terminated string at a1 to stdout. Overwrites a0, a2, a7, t6. */
print_string:
  mv a2, a1
1:
  lbu t6, 0(a2)
  beqz t6, 2f
  addi a2, a2, 1
  j 1b
2:
  sub a2, a2, a1
  li a0, 1
  li a7, SYS_WRITE
  ecall
  ret

/* Prints a0 as an unsigned decimal number to stdout. Overwrites a0-a2, a7, t5, t6. */
print_unsigned:
  addi sp, sp, -16
  addi a1, sp, 16
  li t5, 10
1:
  remu t6, a0, t5
  divu a0, a0, t5
  addi t6, t6, '0'
  addi a1, a1, -1
  sb t6, 0(a1)
  bnez a0, 1b
  addi a2, sp, 16
  sub a2, a2, a1
  li a0, 1
  li a7, SYS_WRITE
  ecall
  addi sp, sp, 16
  ret
