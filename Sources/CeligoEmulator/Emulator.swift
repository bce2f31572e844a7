import CeligoKit
