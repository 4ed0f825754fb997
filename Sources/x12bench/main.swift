print("x12bench: not built yet")
