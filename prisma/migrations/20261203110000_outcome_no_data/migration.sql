-- AlterEnum: "no data held" as an explicit outcome of an access or portability request.
ALTER TYPE "RightOutcome" ADD VALUE 'no_data';
