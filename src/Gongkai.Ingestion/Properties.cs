// Buffers here are always written before they are read: skip zeroing stackalloc'd memory.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
