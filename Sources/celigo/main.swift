import CeligoKit
print("celigo")
