# A minimal RV32 program: _start stores a word into .data and spins.
    .section .text
    .globl _start
_start:
    la   t0, counter
    lw   t1, 0(t0)
    addi t1, t1, 1
    sw   t1, 0(t0)
1:  j    1b

    .section .data
    .globl counter
counter:
    .word 41

    .section .bss
    .globl scratch
scratch:
    .space 64
